using BehaviorGraph.Core.Scoring;
using BehaviorGraph.Hosting;
using BehaviorGraph.Hosting.Settings;

namespace BehaviorGraph.Api;

/// <summary>
/// How the service runs (section <c>BehaviorGraph:Service</c>): thresholds shown with risk answers, rate limits, body
/// limits, the score cache's refresh and logging of refused requests. The store and the jobs have their own settings.
/// </summary>
public sealed record ServiceOptions
{
    public const string SectionName = BehaviorGraphSettings.ServiceSection;

    public const int DefaultRateLimitPerSecond = 500;

    /// <summary>
    /// The thresholds risk answers report when the scoring run stored none (the stored decision was made by the
    /// scoring run). Its own instance: the binder sets <c>Review</c> and <c>Block</c> on it in place.
    /// </summary>
    public DecisionThresholds Thresholds { get; init; } = new();

    public TimeSpan ScoreRefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests per second each API key may make on average (token bucket refill).</summary>
    public int RateLimitPerSecond { get; init; } = DefaultRateLimitPerSecond;

    /// <summary>Requests an API key may make in a burst (token bucket size).</summary>
    public int RateLimitBurst { get; init; } = BurstFor(DefaultRateLimitPerSecond);

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

    /// <summary>The burst <c>bgraph serve --rate-limit N</c> allows: twice the rate.</summary>
    public static int BurstFor(int perSecond) => perSecond > int.MaxValue / 2 ? int.MaxValue : perSecond * 2;

    internal static void Check(ServiceOptions options, SettingRules rules)
    {
        rules.Between("Thresholds:Review", options.Thresholds.Review, 0, 1);
        rules.Between("Thresholds:Block", options.Thresholds.Block, 0, 1);
        rules.Require(
            !(options.Thresholds.Block < options.Thresholds.Review),
            $"{rules.PathOf("Thresholds:Review")} ({options.Thresholds.Review}) must not be above {rules.PathOf("Thresholds:Block")} ({options.Thresholds.Block}).");
        rules.Positive(nameof(ScoreRefreshInterval), options.ScoreRefreshInterval);
        rules.AtLeast(nameof(RateLimitPerSecond), options.RateLimitPerSecond, 1);
        rules.AtLeast(nameof(RateLimitBurst), options.RateLimitBurst, 1);
        rules.AtLeast(nameof(UnauthenticatedPerAddressPerSecond), options.UnauthenticatedPerAddressPerSecond, 1);
        rules.AtLeast(nameof(UnauthenticatedPerAddressBurst), options.UnauthenticatedPerAddressBurst, 1);
        rules.AtLeast(nameof(UnauthenticatedGlobalPerSecond), options.UnauthenticatedGlobalPerSecond, 1);
        rules.AtLeast(nameof(UnauthenticatedGlobalBurst), options.UnauthenticatedGlobalBurst, 1);
        rules.Positive(nameof(RejectedRequestLogInterval), options.RejectedRequestLogInterval);
        rules.AtLeast(nameof(MaxEventsBodyBytes), options.MaxEventsBodyBytes, 1);
        rules.AtLeast(nameof(MaxRequestBodyBytes), options.MaxRequestBodyBytes, 1);
        rules.AtLeast(nameof(MaxBatchAccounts), options.MaxBatchAccounts, 1);
    }
}
