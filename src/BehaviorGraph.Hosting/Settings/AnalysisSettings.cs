using System.Collections;
using BehaviorGraph.Analytics.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BehaviorGraph.Hosting.Settings;

/// <summary>
/// <see cref="AnalysisOptions"/> from <see cref="BehaviorGraphSettings.AnalysisSection"/>, for <c>bgraph analyze</c>,
/// the analyze job and the service's job chain. Bound through the top-level groups (Identity, Rings, Bots, Blocks,
/// Features) and checked by shape, not by each detector's names: every threshold of an analysis run is a count, a
/// share, a weight, a window or a seed, so none may be negative, NaN or infinite.
/// </summary>
public static class AnalysisSettings
{
    public static IServiceCollection AddBehaviorGraphAnalysisSettings(this IServiceCollection services)
    {
        services.AddBehaviorGraphSettings<AnalysisOptions>(BehaviorGraphSettings.AnalysisSection, Check);
        return services;
    }

    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is unknown, does not convert or is out of range.</exception>
    public static AnalysisOptions Read(IConfiguration configuration) =>
        SettingsRegistration.Read<AnalysisOptions>(configuration, BehaviorGraphSettings.AnalysisSection, Check);

    private static void Check(AnalysisOptions options, SettingRules rules)
    {
        rules.NotEmpty(nameof(AnalysisOptions.Description), options.Description);
        CheckNumbers(options, "", rules);
    }

    private static void CheckNumbers(object group, string prefix, SettingRules rules)
    {
        foreach (var property in SettingsShape.Settable(group.GetType()))
        {
            var key = prefix + property.Name;
            var value = property.GetValue(group);
            switch (value)
            {
                case null or string or bool or Enum:
                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var item in list)
                    {
                        CheckNumber($"{key}:{index++}", item, rules, positive: true);
                    }

                    break;
                case var number when SettingsShape.IsValue(number.GetType()):
                    CheckNumber(key, number, rules, positive: false);
                    break;
                default:
                    CheckNumbers(value, key + ":", rules);
                    break;
            }
        }
    }

    private static void CheckNumber(string key, object? value, SettingRules rules, bool positive)
    {
        var number = value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            _ => (double?)null,
        };
        if (number is not { } n)
        {
            return;
        }

        if (!double.IsFinite(n) || n < 0 || (positive && n == 0))
        {
            rules.Fail($"{rules.PathOf(key)} must be a {(positive ? "positive" : "non-negative")} finite number; got {n}.");
        }
    }
}
