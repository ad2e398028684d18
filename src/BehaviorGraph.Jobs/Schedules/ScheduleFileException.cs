namespace BehaviorGraph.Jobs.Schedules;

/// <summary>The schedule file is missing or invalid; the message names the file, the entry and the problem.</summary>
public sealed class ScheduleFileException : Exception
{
    public ScheduleFileException()
    {
    }

    public ScheduleFileException(string message)
        : base(message)
    {
    }

    public ScheduleFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
