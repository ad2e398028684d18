namespace BehaviorGraph.Core.Features;

/// <summary>
/// The ordered account features shared by analysis, training, scoring and reason codes: every feature has its stable
/// name (a column of every snapshot), what it measures, its reason code and the sentence a reason reads. Append new
/// features at the end; never reorder or rename (models record the list they were trained on). "Interaction graph"
/// means follows, messages, ratings, and likes/comments/shares of an account's content, between accounts.
/// </summary>
public static class AccountFeatures
{
    public static readonly FeatureDefinition EventsTotal = new("events_total", "Events the account performed.", "ACTIVITY", "performed {value:N0} actions");

    public static readonly FeatureDefinition CountSignup = new("count_signup", "signup events performed.", "SIGNUPS", "signed up {value:N0} time(s)");

    public static readonly FeatureDefinition CountLogin = new("count_login", "login events performed.", "LOGINS", "logged in {value:N0} times");

    public static readonly FeatureDefinition CountPost = new("count_post", "post events performed.", "POSTS", "posted {value:N0} times");

    public static readonly FeatureDefinition CountFollow = new("count_follow", "follow events performed.", "FOLLOWS_GIVEN", "followed {value:N0} times");

    public static readonly FeatureDefinition CountMessage = new("count_message", "message events performed.", "MESSAGES_SENT", "sent {value:N0} messages");

    public static readonly FeatureDefinition CountReport = new("count_report", "report events performed (reports given).", "REPORTS_GIVEN", "reported others {value:N0} times");

    public static readonly FeatureDefinition CountRate = new("count_rate", "rate events performed.", "RATINGS_GIVEN_EVENTS", "rated others {value:N0} times");

    public static readonly FeatureDefinition CountLike = new("count_like", "like events performed.", "LIKES_GIVEN", "liked {value:N0} times");

    public static readonly FeatureDefinition CountComment = new("count_comment", "comment events performed.", "COMMENTS_GIVEN", "commented {value:N0} times");

    public static readonly FeatureDefinition CountShare = new("count_share", "share events performed.", "SHARES_GIVEN", "shared {value:N0} times");

    public static readonly FeatureDefinition CountView = new("count_view", "view events performed.", "VIEWS", "viewed {value:N0} times");

    public static readonly FeatureDefinition CountOther = new("count_other", "Events of types outside the known vocabulary.", "OTHER_EVENTS", "performed {value:N0} actions of unknown types");

    public static readonly FeatureDefinition InterEventCv = new("inter_event_cv", "Burstiness: coefficient of variation (std / mean) of the gaps between consecutive events; 0 with fewer than 3 events.", "BURSTY", "acts in bursts (gaps between actions vary {value:N1}x their mean)");

    public static readonly FeatureDefinition AccountAgeDays = new("account_age_days", "Days from the account's first appearance (signup or first event) to the latest event in the store.", "ACCOUNT_AGE", "is {value:N0} days old");

    public static readonly FeatureDefinition ActiveDays = new("active_days", "Distinct UTC days with at least one event.", "ACTIVE_DAYS", "was active on {value:N0} days");

    public static readonly FeatureDefinition EventsPerActiveDay = new("events_per_active_day", "events_total / active_days (0 when inactive).", "ACTIVITY_RATE", "performs {value:N1} actions per active day");

    public static readonly FeatureDefinition OutDegree = new("out_degree", "Distinct accounts this account interacts with (interaction graph).", "OUT_DEGREE", "interacted with {value:N0} accounts");

    public static readonly FeatureDefinition InDegree = new("in_degree", "Distinct accounts that interact with this account (interaction graph).", "IN_DEGREE", "received interactions from {value:N0} accounts");

    public static readonly FeatureDefinition Reciprocity = new("reciprocity", "Share of out-neighbours that interact back (0 without out-neighbours).", "RECIPROCITY", "{value:P0} of the accounts it interacts with interact back");

    public static readonly FeatureDefinition ClusteringCoefficient = new("clustering_coefficient", "Local clustering coefficient on the undirected interaction graph.", "CLUSTERING", "its contacts are {value:P0} interconnected");

    public static readonly FeatureDefinition CoreNumber = new("core_number", "k-core number on the undirected interaction graph.", "DENSE_CORE", "sits in a {value:N0}-core of interacting accounts");

    public static readonly FeatureDefinition Pagerank = new("pagerank", "PageRank on the interaction graph, times the number of accounts (mean 1).", "PAGERANK", "has {value:N2} times the average PageRank");

    public static readonly FeatureDefinition DevicesUsed = new("devices_used", "Distinct devices the account acted from.", "DEVICES", "used {value:N0} devices");

    public static readonly FeatureDefinition IpsUsed = new("ips_used", "Distinct IPs the account acted from.", "IPS", "used {value:N0} IP addresses");

    public static readonly FeatureDefinition MaxAccountsPerDevice = new("max_accounts_per_device", "Most accounts seen on any one of its devices (itself included).", "SHARED_DEVICE", "uses a device shared by {value:N0} accounts");

    public static readonly FeatureDefinition MaxAccountsPerIp = new("max_accounts_per_ip", "Most accounts seen on any one of its IPs (itself included; NAT-level IPs too).", "SHARED_IP", "uses an IP address shared by {value:N0} accounts");

    public static readonly FeatureDefinition IdentityGroupSize = new("identity_group_size", "Accounts in its linked-identity cluster (1 when linked to nobody).", "LINKED_IDENTITIES", "is linked by devices or IPs to a group of {value:N0} accounts");

    public static readonly FeatureDefinition CommunitySize = new("community_size", "Size of its Louvain community on the mutual-interaction graph (1 when it has no mutual partner).", "COMMUNITY_SIZE", "belongs to a community of {value:N0} mutually interacting accounts");

    public static readonly FeatureDefinition CommunityDensity = new("community_density", "Mutual density of that community (internal mutual pairs / possible pairs).", "COMMUNITY_DENSITY", "its community is {value:P0} internally connected");

    public static readonly FeatureDefinition DenseBlockDensity = new("dense_block_density", "Density (engagements / accounts × targets) of the engagement block it belongs to (0 when in none).", "DENSE_BLOCK", "belongs to an engagement block of density {value:P0}");

    public static readonly FeatureDefinition LockstepGroupSize = new("lockstep_group_size", "Size of its lockstep co-action group (0 when in none).", "LOCKSTEP_GROUP", "acted in lockstep with a group of {value:N0} accounts");

    public static readonly FeatureDefinition LockstepSynchrony = new("lockstep_synchrony", "1 − median co-action gap / window of that group (0 when in none).", "LOCKSTEP_SYNCHRONY", "its lockstep group acts with synchrony {value:N2}");

    public static readonly FeatureDefinition LockstepSharedTargets = new("lockstep_shared_targets", "Distinct targets its lockstep group co-acted on.", "LOCKSTEP_TARGETS", "its lockstep group co-acted on {value:N0} targets");

    public static readonly FeatureDefinition ReportsReceived = new("reports_received", "report events received.", "REPORTED", "was reported {value:N0} times");

    public static readonly FeatureDefinition ReportersDistinct = new("reporters_distinct", "Distinct accounts that reported it.", "REPORTERS", "was reported by {value:N0} accounts");

    public static readonly FeatureDefinition StrangersContacted = new("strangers_contacted", "Accounts it followed or messaged that never interacted back.", "UNANSWERED_OUTREACH", "contacted {value:N0} accounts that never answered");

    public static readonly FeatureDefinition RatingGivenCount = new("rating_given_count", "Ratings given.", "RATINGS_GIVEN", "gave {value:N0} ratings");

    public static readonly FeatureDefinition RatingGivenMean = new("rating_given_mean", "Mean rating given (raw scale; 0 without ratings).", "RATING_GIVEN_MEAN", "rates others {value:N2} on average");

    public static readonly FeatureDefinition RatingGivenStd = new("rating_given_std", "Standard deviation of ratings given.", "RATING_GIVEN_SPREAD", "its ratings vary by {value:N2}");

    public static readonly FeatureDefinition RatingGivenNegativeShare = new("rating_given_negative_share", "Share of ratings given below 0.", "NEGATIVE_RATINGS_GIVEN", "{value:P0} of the ratings it gave are negative");

    public static readonly FeatureDefinition RatingReceivedCount = new("rating_received_count", "Ratings received.", "RATINGS_RECEIVED", "received {value:N0} ratings");

    public static readonly FeatureDefinition RatingReceivedMean = new("rating_received_mean", "Mean rating received (raw scale; 0 without ratings).", "RATING_MEAN", "received a mean rating of {value:N2}");

    public static readonly FeatureDefinition RatingReceivedStd = new("rating_received_std", "Standard deviation of ratings received.", "RATING_RECEIVED_SPREAD", "the ratings it received vary by {value:N2}");

    public static readonly FeatureDefinition RatingReceivedNegativeShare = new("rating_received_negative_share", "Share of ratings received below 0.", "NEGATIVE_RATINGS", "{value:P0} of the ratings it received are negative");

    public static readonly FeatureDefinition Rev2Fairness = new("rev2_fairness", "REV2 fairness as a rater in [0, 1]: mean agreement of its ratings with the goodness of their targets (1 when it never rated).", "RATER_FAIRNESS", "rates others with fairness {value:N2} (REV2)");

    public static readonly FeatureDefinition Rev2Goodness = new("rev2_goodness", "REV2 goodness as a ratee in [-1, 1]: fairness-weighted mean of normalised ratings received (0 when never rated).", "RATED_GOODNESS", "is rated with goodness {value:N2} (REV2)");

    public static readonly FeatureDefinition RingScore = new("ring_score", "Highest score of a spam ring it belongs to (0 when none).", "SPAM_RING", "belongs to a spam ring scoring {value:N2}");

    public static readonly FeatureDefinition RingSize = new("ring_size", "Size of that ring (0 when none).", "SPAM_RING_SIZE", "belongs to a spam ring of {value:N0} accounts");

    public static readonly FeatureDefinition BotScore = new("bot_score", "Highest score of a bot cluster it belongs to (0 when none).", "BOT_CLUSTER", "belongs to a bot cluster scoring {value:N2}");

    public static readonly FeatureDefinition BotSize = new("bot_size", "Size of that bot cluster (0 when none).", "BOT_CLUSTER_SIZE", "belongs to a bot cluster of {value:N0} accounts");

    public static readonly FeatureDefinition IdentityScore = new("identity_score", "Score of its linked-identity cluster (0 when none).", "LINKED_IDENTITY_SCORE", "its linked-identity group scores {value:N2}");

    public static readonly FeatureDefinition BlockScore = new("block_score", "Highest score of an engagement block it belongs to (0 when none).", "ENGAGEMENT_BLOCK", "belongs to an engagement block scoring {value:N2}");

    public static readonly FeatureDefinition BlockSize = new("block_size", "Accounts in that engagement block (0 when none).", "ENGAGEMENT_BLOCK_SIZE", "belongs to an engagement block of {value:N0} accounts");

    public static IReadOnlyList<FeatureDefinition> All { get; } =
    [
        EventsTotal,
        CountSignup,
        CountLogin,
        CountPost,
        CountFollow,
        CountMessage,
        CountReport,
        CountRate,
        CountLike,
        CountComment,
        CountShare,
        CountView,
        CountOther,
        InterEventCv,
        AccountAgeDays,
        ActiveDays,
        EventsPerActiveDay,
        OutDegree,
        InDegree,
        Reciprocity,
        ClusteringCoefficient,
        CoreNumber,
        Pagerank,
        DevicesUsed,
        IpsUsed,
        MaxAccountsPerDevice,
        MaxAccountsPerIp,
        IdentityGroupSize,
        CommunitySize,
        CommunityDensity,
        DenseBlockDensity,
        LockstepGroupSize,
        LockstepSynchrony,
        LockstepSharedTargets,
        ReportsReceived,
        ReportersDistinct,
        StrangersContacted,
        RatingGivenCount,
        RatingGivenMean,
        RatingGivenStd,
        RatingGivenNegativeShare,
        RatingReceivedCount,
        RatingReceivedMean,
        RatingReceivedStd,
        RatingReceivedNegativeShare,
        Rev2Fairness,
        Rev2Goodness,
        RingScore,
        RingSize,
        BotScore,
        BotSize,
        IdentityScore,
        BlockScore,
        BlockSize,
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    /// <summary>The count_* features in the order of <see cref="Events.EventTypes.Known"/>, then count_other.</summary>
    public static IReadOnlyList<FeatureDefinition> EventCounts { get; } =
        [CountSignup, CountLogin, CountPost, CountFollow, CountMessage, CountReport, CountRate, CountLike, CountComment, CountShare, CountView, CountOther];

    private static readonly Dictionary<string, int> Positions = All.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>Position of the feature in <see cref="All"/>.</summary>
    public static int IndexOf(FeatureDefinition feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return IndexOf(feature.Name);
    }

    /// <summary>Position of the named feature in <see cref="All"/>; throws for a name that is not a feature.</summary>
    public static int IndexOf(string name) =>
        Positions.TryGetValue(name, out var index) ? index : throw new KeyNotFoundException($"No feature named '{name}'.");

    /// <summary>The named feature, or null.</summary>
    public static FeatureDefinition? Find(string name) => Positions.TryGetValue(name, out var index) ? All[index] : null;
}
