namespace BehaviorGraph.Synthetic.Simulation;

/// <summary>
/// Generation time axis: second 0 is midnight UTC of the first signup day; the activity window
/// follows the signup period.
/// </summary>
internal sealed class Timeline(DateOnly windowStart, int signupDays, int activityDays)
{
    public const int Day = 86_400;

    public DateOnly Epoch { get; } = windowStart.AddDays(-signupDays);

    public int SignupDays { get; } = signupDays;

    public int ActivityDays { get; } = activityDays;

    public int TotalDays => SignupDays + ActivityDays;

    public int WindowStart => SignupDays * Day;

    public int End => TotalDays * Day;

    public int WindowLength => ActivityDays * Day;

    public DateTime ToUtc(int ts) => Epoch.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(ts);
}
