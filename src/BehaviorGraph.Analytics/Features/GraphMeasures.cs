using BehaviorGraph.Analytics.Algorithms.Reciprocity;

namespace BehaviorGraph.Analytics.Features;

/// <summary>Per-account results of the graph algorithms run on the interaction graph.</summary>
internal sealed record GraphMeasures(ReciprocityResult Reciprocity, double[] LocalClustering, int[] CoreNumbers, double[] PageRank, int[] InDegree);
