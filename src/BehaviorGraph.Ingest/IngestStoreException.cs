namespace BehaviorGraph.Ingest;

/// <summary>
/// The store failed while a source was being ingested (disk full, read-only, the server went away): the message says
/// what was being done and how far the source is committed. Unlike <see cref="IngestInputException"/> the source is
/// not at fault, so it is not moved aside: ingesting it again once the store is back resumes after the committed lines.
/// </summary>
public sealed class IngestStoreException : Exception
{
    public IngestStoreException(string message, long committedThroughLine, Exception innerException)
        : base(message, innerException)
    {
        CommittedThroughLine = committedThroughLine;
    }

    public IngestStoreException(string message)
        : base(message)
    {
    }

    public IngestStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IngestStoreException()
    {
    }

    /// <summary>The last line of the source committed before the failure (0 if none).</summary>
    public long CommittedThroughLine { get; }
}
