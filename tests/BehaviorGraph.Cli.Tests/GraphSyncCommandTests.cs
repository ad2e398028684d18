using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests;

public sealed class GraphSyncCommandTests
{
    [Fact]
    public async Task GraphSync_ExitsNonZero_WhenNoGraphStoreIsConfigured()
    {
        using var dir = new TempDirectory();

        var result = await Bgraph.RunAsync(dir.Path, new Dictionary<string, string?> { ["BEHAVIORGRAPH_GRAPH"] = null }, "graph-sync", "--store", "sqlite:./s.db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No graph store configured", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphSync_ExitsNonZero_WithTheAddress_WhenNeo4jCannotBeReached()
    {
        using var dir = new TempDirectory();
        var port = FreePort();

        var result = await Bgraph.RunAsync(dir.Path, "graph-sync", "--graph", $"neo4j:http://127.0.0.1:{port}", "--store", "sqlite:./s.db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Cannot reach Neo4j at", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
