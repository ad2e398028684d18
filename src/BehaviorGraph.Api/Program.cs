using BehaviorGraph.Api;
using BehaviorGraph.Api.AnalystConsole;
using BehaviorGraph.Api.Endpoints;
using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;

// Standalone host (`dotnet run --project src/BehaviorGraph.Api`); `bgraph serve` builds the same service.
var configuration = BehaviorGraphSettings.LoadConfiguration();
var location = StoreLocation.Parse(BehaviorGraphSettings.ResolveStore(null, configuration).Value);
await using var store = await StoreOpener.OpenAsync(location, CancellationToken.None);

var builder = WebApplication.CreateBuilder(args);
builder.AddBehaviorGraph(new ServiceOptions(location), store);
var app = builder.Build();
app.UseBehaviorGraph();
app.MapEnforcementApi();
app.MapAnalystApi();
app.MapFeedbackApi();
app.MapOpsApi();
app.MapAnalystConsole();
await app.RunAsync();
