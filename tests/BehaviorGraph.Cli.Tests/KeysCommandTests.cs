using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;

namespace BehaviorGraph.Cli.Tests;

public sealed class KeysCommandTests
{
    [Fact]
    public async Task KeysRevoke_ByNameOrByTheKeyItself_MarksOnlyThatKeyRevoked_AndListShowsIt()
    {
        using var dir = new TempDirectory();
        var analyst = await Bgraph.RunAsync(dir.Path, "keys", "create", "--role", "analyst", "--name", "triage-desk", "--store", "sqlite:./s.db", "--json");
        var edge = await Bgraph.RunAsync(dir.Path, "keys", "create", "--role", "enforcement", "--name", "edge", "--store", "sqlite:./s.db", "--json");
        Assert.True(analyst.ExitCode == 0 && edge.ExitCode == 0, analyst.Stderr + edge.Stderr);
        var edgeKey = JsonDocument.Parse(edge.Stdout).RootElement.GetProperty("key").GetString()!;

        var byName = await Bgraph.RunAsync(dir.Path, "keys", "revoke", "triage-desk", "--store", "sqlite:./s.db");
        var listed = await ListAsync(dir);

        Assert.True(byName.ExitCode == 0, byName.Stderr);
        Assert.Equal(new Dictionary<string, bool> { ["triage-desk"] = false, ["edge"] = true }, listed);

        var byKey = await Bgraph.RunAsync(dir.Path, "keys", "revoke", edgeKey, "--store", "sqlite:./s.db", "--json");

        Assert.True(byKey.ExitCode == 0, byKey.Stderr);
        Assert.Equal("edge", JsonDocument.Parse(byKey.Stdout).RootElement.GetProperty("name").GetString());
        Assert.All((await ListAsync(dir)).Values, Assert.False);
        Assert.DoesNotContain(edgeKey, (await Bgraph.RunAsync(dir.Path, "keys", "list", "--store", "sqlite:./s.db", "--json")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRevoke_ExitsNonZeroWithAReason_ForAnUnknownOrAlreadyRevokedKey()
    {
        using var dir = new TempDirectory();
        var created = await Bgraph.RunAsync(dir.Path, "keys", "create", "--role", "admin", "--name", "ops", "--store", "sqlite:./s.db");
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "keys", "revoke", "ops", "--store", "sqlite:./s.db")).ExitCode);

        var again = await Bgraph.RunAsync(dir.Path, "keys", "revoke", "ops", "--store", "sqlite:./s.db");
        var unknown = await Bgraph.RunAsync(dir.Path, "keys", "revoke", "nobody", "--store", "sqlite:./s.db");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already revoked", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No API key matches 'nobody'", unknown.Stderr, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, bool>> ListAsync(TempDirectory dir)
    {
        var list = await Bgraph.RunAsync(dir.Path, "keys", "list", "--store", "sqlite:./s.db", "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        return JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray()
            .ToDictionary(k => k.GetProperty("name").GetString()!, k => k.GetProperty("active").GetBoolean());
    }
}
