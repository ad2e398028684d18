using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BehaviorGraph.Hosting.Settings;

/// <summary>
/// Options bound from one configuration section (flag &gt; environment &gt; appsettings.json &gt; default, as
/// <see cref="BehaviorGraphSettings.AddSources"/> layers them), checked at start: unknown keys and values that do not
/// convert, then the section's rules. A failure is an <see cref="OptionsValidationException"/> whose message names
/// each bad setting.
/// </summary>
public static class SettingsRegistration
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;().BindConfiguration(section)</c> with the checks and <c>ValidateOnStart</c>; the host must
    /// register <see cref="IConfiguration"/> (every <c>WebApplicationBuilder</c> does). Adding a section twice is a no-op.
    /// </summary>
    public static OptionsBuilder<T> AddBehaviorGraphSettings<T>(this IServiceCollection services, string section, Action<T, SettingRules> rules)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<T>();
        if (services.Any(d => d.ServiceType == typeof(Registered<T>)))
        {
            return builder;
        }

        services.AddSingleton<Registered<T>>();
        // Before the binder, which would otherwise fail on a bad value with .NET type names.
        services.AddSingleton<IConfigureOptions<T>>(sp => new SettingsShapeCheck<T>(sp.GetRequiredService<IConfiguration>(), section));
        builder.BindConfiguration(section);
        services.AddSingleton<IPostConfigureOptions<T>>(sp => new ListsFromConfiguration<T>(sp.GetRequiredService<IConfiguration>(), section));
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section, rules));
        return builder.ValidateOnStart();
    }

    /// <summary>
    /// The options <paramref name="configuration"/> gives, bound and checked exactly as a host would (for commands
    /// without a host, and for decisions a host makes while it registers services).
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is unknown, does not convert, or breaks a rule.</exception>
    public static T Read<T>(IConfiguration configuration, string section, Action<T, SettingRules> rules)
        where T : class
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddBehaviorGraphSettings(section, rules);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<T>>().Value;
    }

    /// <summary>One sentence per failure, for a command's error line (several sections may fail at once).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => "Invalid settings: " + string.Join(" ", options.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            "Invalid settings: " + string.Join(" ", aggregate.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)),
        _ => exception.Message,
    };

    private sealed class Registered<T>;
}
