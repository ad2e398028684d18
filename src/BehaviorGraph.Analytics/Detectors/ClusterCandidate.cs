namespace BehaviorGraph.Analytics.Detectors;

/// <summary>A cluster before it gets its id: member account indices (ascending), score, evidence and figures.</summary>
internal sealed record ClusterCandidate(int[] Members, double Score, string Evidence, IReadOnlyDictionary<string, double> Figures);
