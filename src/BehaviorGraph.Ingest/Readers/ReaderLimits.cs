namespace BehaviorGraph.Ingest.Readers;

/// <summary>How large a row may be. A longer line is quarantined as <c>row_too_long</c> without being held in memory.</summary>
/// <param name="MaxRowBytes">
/// Longest line in bytes, without its line break. The contract's nine fields of at most 256 characters each take at
/// most about 10 KB even fully escaped; the default of 1 MiB leaves room for extra JSON keys a producer adds.
/// </param>
internal sealed record ReaderLimits(int MaxRowBytes)
{
    public const int DefaultMaxRowBytes = 1 << 20;

    public static ReaderLimits Default { get; } = new(DefaultMaxRowBytes);
}
