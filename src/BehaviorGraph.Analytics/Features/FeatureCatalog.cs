namespace BehaviorGraph.Analytics.Features;

/// <summary>
/// The ordered feature list shared by analysis, training and scoring. Append new features at the end; never reorder
/// or rename (models record the list they were trained on). All values are floats; "interaction graph" means
/// follows, messages, ratings, and likes/comments/shares of an account's content, between accounts.
/// </summary>
public static class FeatureCatalog
{
    public static IReadOnlyList<FeatureDefinition> All { get; } =
    [
        new("events_total", "Events the account performed."),
        new("count_signup", "signup events performed."),
        new("count_login", "login events performed."),
        new("count_post", "post events performed."),
        new("count_follow", "follow events performed."),
        new("count_message", "message events performed."),
        new("count_report", "report events performed (reports given)."),
        new("count_rate", "rate events performed."),
        new("count_like", "like events performed."),
        new("count_comment", "comment events performed."),
        new("count_share", "share events performed."),
        new("count_view", "view events performed."),
        new("count_other", "Events of types outside the known vocabulary."),
        new("inter_event_cv", "Burstiness: coefficient of variation (std / mean) of the gaps between consecutive events; 0 with fewer than 3 events."),
        new("account_age_days", "Days from the account's first appearance (signup or first event) to the latest event in the store."),
        new("active_days", "Distinct UTC days with at least one event."),
        new("events_per_active_day", "events_total / active_days (0 when inactive)."),
        new("out_degree", "Distinct accounts this account interacts with (interaction graph)."),
        new("in_degree", "Distinct accounts that interact with this account (interaction graph)."),
        new("reciprocity", "Share of out-neighbours that interact back (0 without out-neighbours)."),
        new("clustering_coefficient", "Local clustering coefficient on the undirected interaction graph."),
        new("core_number", "k-core number on the undirected interaction graph."),
        new("pagerank", "PageRank on the interaction graph, times the number of accounts (mean 1)."),
        new("devices_used", "Distinct devices the account acted from."),
        new("ips_used", "Distinct IPs the account acted from."),
        new("max_accounts_per_device", "Most accounts seen on any one of its devices (itself included)."),
        new("max_accounts_per_ip", "Most accounts seen on any one of its IPs (itself included; NAT-level IPs too)."),
        new("identity_group_size", "Accounts in its linked-identity cluster (1 when linked to nobody)."),
        new("community_size", "Size of its Louvain community on the mutual-interaction graph (1 when it has no mutual partner)."),
        new("community_density", "Mutual density of that community (internal mutual pairs / possible pairs)."),
        new("dense_block_density", "Density (engagements / accounts × targets) of the engagement block it belongs to (0 when in none)."),
        new("lockstep_group_size", "Size of its lockstep co-action group (0 when in none)."),
        new("lockstep_synchrony", "1 − median co-action gap / window of that group (0 when in none)."),
        new("lockstep_shared_targets", "Distinct targets its lockstep group co-acted on."),
        new("reports_received", "report events received."),
        new("reporters_distinct", "Distinct accounts that reported it."),
        new("strangers_contacted", "Accounts it followed or messaged that never interacted back."),
        new("rating_given_count", "Ratings given."),
        new("rating_given_mean", "Mean rating given (raw scale; 0 without ratings)."),
        new("rating_given_std", "Standard deviation of ratings given."),
        new("rating_given_negative_share", "Share of ratings given below 0."),
        new("rating_received_count", "Ratings received."),
        new("rating_received_mean", "Mean rating received (raw scale; 0 without ratings)."),
        new("rating_received_std", "Standard deviation of ratings received."),
        new("rating_received_negative_share", "Share of ratings received below 0."),
        new("rev2_fairness", "REV2 fairness as a rater in [0, 1]: mean agreement of its ratings with the goodness of their targets (1 when it never rated)."),
        new("rev2_goodness", "REV2 goodness as a ratee in [-1, 1]: fairness-weighted mean of normalised ratings received (0 when never rated)."),
        new("ring_score", "Highest score of a spam ring it belongs to (0 when none)."),
        new("ring_size", "Size of that ring (0 when none)."),
        new("bot_score", "Highest score of a bot cluster it belongs to (0 when none)."),
        new("bot_size", "Size of that bot cluster (0 when none)."),
        new("identity_score", "Score of its linked-identity cluster (0 when none)."),
        new("block_score", "Highest score of an engagement block it belongs to (0 when none)."),
        new("block_size", "Accounts in that engagement block (0 when none)."),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    public static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Name == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"No feature named '{name}'.");
    }
}
