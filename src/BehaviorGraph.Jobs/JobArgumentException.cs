namespace BehaviorGraph.Jobs;

/// <summary>A job name or argument that the job catalog does not accept.</summary>
public sealed class JobArgumentException : Exception
{
    public JobArgumentException()
    {
    }

    public JobArgumentException(string message)
        : base(message)
    {
    }

    public JobArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
