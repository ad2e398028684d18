namespace BehaviorGraph.Analytics.Detectors.Rings;

/// <summary>One trimmed (and possibly split) core of a community, ascending account indices, and what was measured on it.</summary>
internal sealed record RingCore(int[] Members, RingMeasure Measure);
