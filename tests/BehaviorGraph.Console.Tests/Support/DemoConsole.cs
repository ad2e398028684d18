using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Console.Tests.Support;

/// <summary>
/// The README's path: <c>bgraph demo</c> (generated platform with planted rings and bots, ingested, analyzed, trained,
/// scored) on a fresh SQLite store, plus a small event file from an attacker whose account id and device name are
/// markup, then <c>bgraph serve</c> on it. Nothing is built when Chromium is absent.
/// </summary>
public sealed class DemoConsole : IAsyncLifetime
{
    public const string AttackerAccount = "<img src=x onerror=alert(1)>";
    public const string AttackerDevice = "<script>alert(2)</script>";

    private readonly TempDirectory directory = new();

    public ConsoleServer Server { get; private set; } = null!;

    /// <summary>The largest ring of the demo and one of its members (the attacker follows that member).</summary>
    public string Ring { get; private set; } = "";

    public string RingMember { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Chromium.Missing is not null)
        {
            return;
        }

        var demo = Path.Combine(directory.Path, "demo");
        await Bgraph.RunAsync(directory.Path, "demo", "--accounts", "6000", "--seed", "11", "--dir", demo);
        var store = Path.Combine(demo, "behaviorgraph.db");
        (Ring, RingMember) = LargestRing(store);

        var attack = directory.Write("attack.csv",
            "event_id,ts,type,actor,target,target_kind,value,device,ip\n" +
            $"attack-1,2026-03-20T00:00:00Z,signup,{AttackerAccount},,,,{AttackerDevice},10.66.6.6\n" +
            $"attack-2,2026-03-20T00:05:00Z,follow,{AttackerAccount},{RingMember},account,,{AttackerDevice},10.66.6.6\n" +
            $"attack-3,2026-03-20T00:06:00Z,follow,{RingMember},{AttackerAccount},account,,,\n");
        await Bgraph.RunAsync(directory.Path, "ingest", attack, "--strict", "--store", "sqlite:" + store);
        Server = await ConsoleServer.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        directory.Dispose();
    }

    /// <summary>Opens the store the server writes to (read-only), to check what the console recorded.</summary>
    public SqliteConnection OpenStore()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Server.StorePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static (string Ring, string Member) LargestRing(string store)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.cluster_id, MIN(m.account) FROM cluster_members m
            WHERE m.run_id = (SELECT MAX(run_id) FROM clusters) AND m.cluster_id LIKE 'ring-%'
            GROUP BY m.cluster_id ORDER BY COUNT(*) DESC, m.cluster_id LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"The demo store {store} holds no ring.");
        }

        return (reader.GetString(0), reader.GetString(1));
    }
}
