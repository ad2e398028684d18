namespace BehaviorGraph.Synthetic;

/// <summary>Progress of one generation stage; <paramref name="Fraction"/> runs from 0 to 1 within the stage.</summary>
public sealed record GenerationProgress(string Stage, double Fraction);
