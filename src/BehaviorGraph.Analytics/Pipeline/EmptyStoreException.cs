namespace BehaviorGraph.Analytics.Pipeline;

/// <summary>The store holds no accounts, so there is nothing to analyse and no run is written.</summary>
public sealed class EmptyStoreException : Exception
{
    public EmptyStoreException()
        : base("The store holds no accounts; ingest events before analysing.")
    {
    }

    public EmptyStoreException(string message)
        : base(message)
    {
    }

    public EmptyStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
