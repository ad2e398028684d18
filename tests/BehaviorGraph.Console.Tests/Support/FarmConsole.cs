using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Console.Tests.Support;

/// <summary>
/// A generated platform with account farms of 500 (<c>bgraph generate --farm-size 500</c>), ingested and analyzed by the
/// CLI, served by <c>bgraph serve</c>: the largest cluster it finds is the console's size target. Nothing is built when
/// Chromium is absent.
/// </summary>
public sealed class FarmConsole : IAsyncLifetime
{
    public const int TargetSize = 500;

    private readonly TempDirectory directory = new();

    public ConsoleServer Server { get; private set; } = null!;

    public string Cluster { get; private set; } = "";

    public int Size { get; private set; }

    public async Task InitializeAsync()
    {
        if (Chromium.Missing is not null)
        {
            return;
        }

        var data = Path.Combine(directory.Path, "farms");
        var store = "sqlite:" + Path.Combine(directory.Path, "farms.db");
        await Bgraph.RunAsync(directory.Path, "generate", "--out", data, "--accounts", "5000", "--seed", "5", "--farms-per-10k", "2", "--farm-size", $"{TargetSize}-{TargetSize}");
        await Bgraph.RunAsync(directory.Path, "ingest", Path.Combine(data, "events.csv"), "--store", store);
        await Bgraph.RunAsync(directory.Path, "analyze", "--store", store);
        (Cluster, Size) = Largest(Path.Combine(directory.Path, "farms.db"));
        Server = await ConsoleServer.StartAsync(Path.Combine(directory.Path, "farms.db"));
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        directory.Dispose();
    }

    private static (string Id, int Size) Largest(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, size FROM clusters WHERE run_id = (SELECT MAX(run_id) FROM clusters) ORDER BY size DESC, id LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetInt32(1)) : throw new InvalidOperationException($"{path} holds no cluster.");
    }
}
