using Microsoft.Extensions.Options;

namespace BehaviorGraph.Hosting.Settings;

/// <summary>Applies a section's <see cref="SettingRules"/> to the bound options.</summary>
internal sealed class SettingsValidator<T>(string section, Action<T, SettingRules> rules) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var check = new SettingRules(section);
        rules(options, check);
        return check.Failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(check.Failures);
    }
}
