using BehaviorGraph.Api.AnalystConsole;
using BehaviorGraph.Api.Endpoints;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Api.Hosting;

/// <summary>Builds the whole service (API, dashboard and, unless disabled, the job server) on an opened store.</summary>
public static class BehaviorGraphService
{
    public static WebApplication Build(ServiceOptions options, IBehaviorStore store, string[]? args = null, IEnumerable<string>? urls = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        builder.AddBehaviorGraph(options, store);
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
