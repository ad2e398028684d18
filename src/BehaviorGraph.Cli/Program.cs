using BehaviorGraph.Cli.Infrastructure;

return await BgraphApp.RunAsync(args);
