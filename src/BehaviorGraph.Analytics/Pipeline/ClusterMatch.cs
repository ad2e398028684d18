namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>
/// How well one planted cluster was recovered: the detected cluster of the matching kind with the best F1 by member
/// overlap (null when none overlaps), its precision, recall and F1. The F1 is the planted cluster's recall figure.
/// </summary>
public sealed record ClusterMatch(string Id, string Kind, int Size, string? MatchedId, int MatchedSize, int Overlap, double Precision, double Recall, double F1);
