namespace BehaviorGraph.Scoring.Labels;

/// <summary>A labels file that cannot be read; the message names the file and line.</summary>
public sealed class LabelFileException : Exception
{
    public LabelFileException(string message)
        : base(message)
    {
    }

    public LabelFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LabelFileException()
    {
    }
}
