namespace BehaviorGraph.Core.Storage;

/// <summary>A rejected input row with its 1-based line number, the reason, and the raw text (truncated).</summary>
public sealed record QuarantinedRow(long Line, string Reason, string Raw)
{
    /// <summary>Longest raw text kept for a quarantined row.</summary>
    public const int MaxRawLength = 2000;
}
