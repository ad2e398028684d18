using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Scoring.Tests;

/// <summary>A real SQLite store in a fresh temporary directory, deleted afterwards.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private TempStore(string directory, IBehaviorStore store)
    {
        Directory = directory;
        Store = store;
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "bg.db");

    public IBehaviorStore Store { get; }

    public static async Task<TempStore> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bg-scoring-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TempStore(directory, await SqliteBehaviorStore.OpenAsync(Path.Combine(directory, "bg.db"), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
