namespace BehaviorGraph.Scoring;

/// <summary>The labels that match the snapshot's accounts are too few (or of one class only) to train or evaluate.</summary>
public sealed class InsufficientLabelsException : Exception
{
    public InsufficientLabelsException(string message)
        : base(message)
    {
    }

    public InsufficientLabelsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InsufficientLabelsException()
    {
    }
}
