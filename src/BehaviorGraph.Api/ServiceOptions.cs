using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Jobs.Schedules;

namespace BehaviorGraph.Api;

/// <summary>How the service runs: its store, jobs, thresholds shown with risk answers, rate limits, body limits and logging of refused requests.</summary>
public sealed record ServiceOptions(StoreLocation Store)
{
    public string SchedulesPath { get; init; } = ScheduleFile.DefaultPath;

    public string InboxPath { get; init; } = "./data/inbox";

    /// <summary>Run a Hangfire server in this process (false: API, triggers and dashboard only).</summary>
    public bool RunJobServer { get; init; } = true;

    public int JobWorkers { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    public TimeSpan JobPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The thresholds risk answers report (the stored decision was made by the scoring run).</summary>
    public DecisionThresholds Thresholds { get; init; } = DecisionThresholds.Default;

    public TimeSpan ScoreRefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests per second each API key may make on average (token bucket refill).</summary>
    public int RateLimitPerSecond { get; init; } = 500;

    /// <summary>Requests an API key may make in a burst (token bucket size).</summary>
    public int RateLimitBurst { get; init; } = 1000;

    /// <summary>
    /// Requests per second, on average, that one client address may make without a valid key (none, unknown or
    /// revoked): the budget that throttles a flood presenting a new random key with every request. IPv6 addresses
    /// count by their /64 network.
    /// </summary>
    public int UnauthenticatedPerAddressPerSecond { get; init; } = 10;

    public int UnauthenticatedPerAddressBurst { get; init; } = 20;

    /// <summary>Requests per second, on average, that all clients together may make without a valid key.</summary>
    public int UnauthenticatedGlobalPerSecond { get; init; } = 100;

    public int UnauthenticatedGlobalBurst { get; init; } = 200;

    /// <summary>Refused requests (401, 403, 429) are counted and logged as one summary line per interval, not a line each.</summary>
    public TimeSpan RejectedRequestLogInterval { get; init; } = TimeSpan.FromSeconds(10);

    public long MaxEventsBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Body limit of every endpoint except <c>POST /v1/events</c>.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    public int MaxBatchAccounts { get; init; } = 1000;
}
