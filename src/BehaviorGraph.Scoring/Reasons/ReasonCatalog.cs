using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Reasons;

/// <summary>
/// Maps feature names to stable reason codes and human text. A feature the catalog does not know gets the generic
/// code <c>FEATURE_&lt;NAME&gt;</c> (upper snake case) and the text "name = value".
/// </summary>
public sealed partial class ReasonCatalog
{
    private readonly Dictionary<string, ReasonTemplate> _templates;

    public ReasonCatalog(IReadOnlyDictionary<string, ReasonTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templates = new Dictionary<string, ReasonTemplate>(templates, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The codes for the features the analytics step writes.</summary>
    public static ReasonCatalog Default { get; } = new(new Dictionary<string, ReasonTemplate>
    {
        ["shared_device_accounts"] = new("SHARED_DEVICE_ACCOUNTS", "shares a device with {value:N0} other accounts"),
        ["shared_ip_accounts"] = new("SHARED_IP_ACCOUNTS", "shares an IP address with {value:N0} other accounts"),
        ["identity_cluster_size"] = new("LINKED_IDENTITIES", "is linked by devices or IPs to {value:N0} accounts"),
        ["lockstep_group_size"] = new("LOCKSTEP_GROUP", "acted in lockstep with {value:N0} accounts"),
        ["lockstep_targets"] = new("LOCKSTEP_TARGETS", "acted in lockstep on {value:N0} targets"),
        ["ring_size"] = new("SPAM_RING", "belongs to a dense ring of {value:N0} accounts"),
        ["ring_density"] = new("RING_DENSITY", "its ring is {value:P0} internally connected"),
        ["core_number"] = new("DENSE_CORE", "sits in a {value:N0}-core of mutually interacting accounts"),
        ["triangles"] = new("TRIANGLES", "closes {value:N0} interaction triangles"),
        ["reciprocity"] = new("RECIPROCITY", "{value:P0} of its interactions are reciprocated"),
        ["fraudar_score"] = new("DENSE_BLOCK", "belongs to a suspiciously dense block (score {value:N2})"),
        ["pagerank"] = new("PAGERANK", "has PageRank {value:G3}"),
        ["trust"] = new("LOW_TRUST", "has trust {value:N3}"),
        ["out_degree"] = new("OUT_DEGREE", "interacted with {value:N0} targets"),
        ["in_degree"] = new("IN_DEGREE", "received interactions from {value:N0} accounts"),
        ["events"] = new("ACTIVITY", "performed {value:N0} actions"),
        ["events_per_day"] = new("ACTIVITY_RATE", "performs {value:N1} actions a day"),
        ["burstiness"] = new("BURSTY", "acts in bursts (burstiness {value:N2})"),
        ["account_age_days"] = new("ACCOUNT_AGE", "is {value:N0} days old"),
        ["distinct_devices"] = new("DEVICES", "used {value:N0} devices"),
        ["distinct_ips"] = new("IPS", "used {value:N0} IP addresses"),
        ["rating_mean"] = new("RATING_MEAN", "received a mean rating of {value:N2}"),
        ["negative_rating_share"] = new("NEGATIVE_RATINGS", "{value:P0} of the ratings it received are negative"),
        ["fairness"] = new("RATER_FAIRNESS", "rates others with fairness {value:N2}"),
        ["goodness"] = new("RATED_GOODNESS", "is rated with goodness {value:N2}"),
    });

    public ReasonCatalog With(string feature, ReasonTemplate template)
    {
        var copy = new Dictionary<string, ReasonTemplate>(_templates, StringComparer.OrdinalIgnoreCase) { [feature] = template };
        return new ReasonCatalog(copy);
    }

    public ReasonTemplate TemplateFor(string feature) =>
        _templates.TryGetValue(feature, out var template)
            ? template
            : new ReasonTemplate(GenericCode(feature), feature + " = {value:G4}");

    public ReasonCode Reason(string feature, double value, double contribution)
    {
        var template = TemplateFor(feature);
        return new ReasonCode(template.Code, feature, value, contribution, Format(template.Text, value));
    }

    /// <summary><c>FEATURE_</c> and the name in upper snake case: <c>avgRating-7d</c> → <c>FEATURE_AVG_RATING_7D</c>.</summary>
    public static string GenericCode(string feature)
    {
        var builder = new StringBuilder("FEATURE_");
        var previousWasSeparator = true;
        for (var i = 0; i < feature.Length; i++)
        {
            var c = feature[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsUpper(c) && i > 0 && char.IsAsciiLetterLower(feature[i - 1]) && !previousWasSeparator)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
                previousWasSeparator = false;
            }
            else if (!previousWasSeparator)
            {
                builder.Append('_');
                previousWasSeparator = true;
            }
        }

        return builder.ToString().TrimEnd('_');
    }

    private static string Format(string template, double value) =>
        Placeholder().Replace(template, match =>
        {
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : "G4";
            return double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
        });

    [GeneratedRegex(@"\{value(?::(?<format>[^}]+))?\}")]
    private static partial Regex Placeholder();
}
