using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BehaviorGraph.Core.Features;
using BehaviorGraph.Core.Scoring;

namespace BehaviorGraph.Scoring.Reasons;

/// <summary>
/// Maps feature names to stable reason codes and human text. A feature the catalog does not know (a model trained
/// on a custom feature list) gets the generic code <c>FEATURE_&lt;NAME&gt;</c> (upper snake case) and the text
/// "name = value".
/// </summary>
public sealed partial class ReasonCatalog
{
    private readonly Dictionary<string, ReasonTemplate> _templates;

    public ReasonCatalog(IReadOnlyDictionary<string, ReasonTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templates = new Dictionary<string, ReasonTemplate>(templates, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The reason of every feature the analytics step writes, from the feature vocabulary itself
    /// (<see cref="AccountFeatures"/>): one code and one sentence per feature, so a reason always names a real feature.
    /// </summary>
    public static ReasonCatalog Default { get; } = new(
        AccountFeatures.All.ToDictionary(f => f.Name, f => new ReasonTemplate(f.ReasonCode, f.Sentence), StringComparer.Ordinal));

    /// <summary>Features the catalog has a template for.</summary>
    public IEnumerable<string> Features => _templates.Keys;

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
