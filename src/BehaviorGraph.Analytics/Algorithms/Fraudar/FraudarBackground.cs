namespace BehaviorGraph.Analytics.Algorithms.Fraudar;

/// <summary>
/// The whole graph a peel of one part of it is judged against, per node of the part: its out-degree and in-degree in
/// the whole graph, and the whole graph's edge count. Column weights (1 / ln(in-degree + c)) and the degree-corrected
/// prediction then use the whole graph's figures, so a block peeled from the part scores as it would in the whole.
/// </summary>
public sealed record FraudarBackground(int[] OutDegree, int[] InDegree, long EdgeCount);
