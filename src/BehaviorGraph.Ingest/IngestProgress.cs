namespace BehaviorGraph.Ingest;

/// <summary>Progress through one source: bytes read of the total, and rows so far.</summary>
public sealed record IngestProgress(string Source, long BytesRead, long BytesTotal, long RowsRead, long Ingested);
