namespace BehaviorGraph.Synthetic;

/// <summary>How a bot cluster's members spread their actions over one job.</summary>
public enum BotJobTiming
{
    /// <summary>Front-loaded: most members act within the first minutes, a tail to the end of the spread (exponential, mean spread / 6).</summary>
    Bursty,

    /// <summary>Evenly over the whole spread, as a scheduler pacing the job would.</summary>
    Uniform,
}
