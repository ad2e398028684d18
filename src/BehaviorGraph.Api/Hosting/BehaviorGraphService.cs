using BehaviorGraph.Api.AnalystConsole;
using BehaviorGraph.Api.Endpoints;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;

namespace BehaviorGraph.Api.Hosting;

/// <summary>Builds the whole service (API, dashboard and, unless disabled, the job server) on an opened store.</summary>
public static class BehaviorGraphService
{
    /// <summary>
    /// The service over <paramref name="store"/> (opened at <paramref name="location"/>), its settings read from the
    /// sources every bgraph command reads (<see cref="BehaviorGraphSettings.AddSources"/>: both appsettings.json files,
    /// then the environment), then <paramref name="settings"/> (the command's flags, by configuration key), then
    /// <paramref name="args"/> as command-line configuration (<c>--BehaviorGraph:Service:RateLimitPerSecond=50</c>).
    /// A setting that is unknown or out of range throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
    /// here (service and jobs settings) or at start (analysis settings), naming it.
    /// </summary>
    public static WebApplication Build(
        StoreLocation location,
        IBehaviorStore store,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        IEnumerable<string>? urls = null,
        string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        // One order for every host: the framework's defaults (one appsettings.json, the environment, the arguments)
        // give way to the documented sources.
        builder.Configuration.Sources.Clear();
        BehaviorGraphSettings.AddSources(builder.Configuration, settings);
        if (args is { Length: > 0 })
        {
            builder.Configuration.AddCommandLine(args);
        }

        builder.AddBehaviorGraph(location, store);
        var app = builder.Build();
        foreach (var url in urls ?? [])
        {
            app.Urls.Add(url);
        }

        app.UseBehaviorGraph();
        app.MapEnforcementApi();
        app.MapAnalystApi();
        app.MapFeedbackApi();
        app.MapOpsApi();
        app.MapAnalystConsole();
        return app;
    }
}
