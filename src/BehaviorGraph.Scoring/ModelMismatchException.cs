namespace BehaviorGraph.Scoring;

/// <summary>A model cannot score a snapshot: their feature lists differ.</summary>
public sealed class ModelMismatchException : Exception
{
    public ModelMismatchException(string message)
        : base(message)
    {
    }

    public ModelMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelMismatchException()
    {
    }
}
