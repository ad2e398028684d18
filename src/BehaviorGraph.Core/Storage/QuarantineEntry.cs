namespace BehaviorGraph.Core.Storage;

/// <summary>A quarantined row as stored: which source, which line, why, and the raw text.</summary>
public sealed record QuarantineEntry(string Source, string ContentHash, long Line, string Reason, string Raw, DateTimeOffset QuarantinedAt);
