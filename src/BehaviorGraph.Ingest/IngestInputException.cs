namespace BehaviorGraph.Ingest;

/// <summary>Input that cannot be ingested at all (missing file, no header, unreadable): the message says why.</summary>
public sealed class IngestInputException : Exception
{
    public IngestInputException(string message)
        : base(message)
    {
    }

    public IngestInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IngestInputException()
    {
    }
}
