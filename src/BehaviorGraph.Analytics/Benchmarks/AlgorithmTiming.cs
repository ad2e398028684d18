namespace BehaviorGraph.Analytics.Benchmarks;

/// <summary>One algorithm's wall time and a one-line summary of what it found.</summary>
public sealed record AlgorithmTiming(string Algorithm, double Milliseconds, string Summary);
