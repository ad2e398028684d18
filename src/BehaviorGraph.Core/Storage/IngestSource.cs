namespace BehaviorGraph.Core.Storage;

/// <summary>
/// Where a batch of events came from: a file (or an HTTP request body) identified by the hash of its content,
/// so the same content under another name is recognised as already ingested.
/// </summary>
public sealed record IngestSource(string Name, string ContentHash);
