using BehaviorGraph.Core.Storage;
using BehaviorGraph.Storage.Sqlite;
using BehaviorGraph.Testing;

namespace BehaviorGraph.Scoring.Tests;

/// <summary>A real SQLite store in a fresh temporary directory, deleted afterwards.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private TempStore(TempDirectory directory, IBehaviorStore store)
    {
        _directory = directory;
        Store = store;
    }

    public string Directory => _directory.Path;

    public string DatabasePath => _directory.File("bg.db");

    public IBehaviorStore Store { get; }

    public static async Task<TempStore> CreateAsync()
    {
        var directory = new TempDirectory();
        return new TempStore(directory, await SqliteBehaviorStore.OpenAsync(directory.File("bg.db"), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
