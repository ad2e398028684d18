using BehaviorGraph.Api.Hosting;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;

// Standalone host (`dotnet run --project src/BehaviorGraph.Api`); `bgraph serve` builds the same service.
var configuration = BehaviorGraphSettings.LoadConfiguration();
var location = StoreLocation.Parse(BehaviorGraphSettings.ResolveStore(null, configuration).Value);
await using var store = await StoreOpener.OpenAsync(location, CancellationToken.None);
await using var app = BehaviorGraphService.Build(location, store, args: args);
await app.RunAsync();
