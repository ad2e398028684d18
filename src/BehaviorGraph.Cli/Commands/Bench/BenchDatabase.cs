using BehaviorGraph.Cli.Infrastructure;
using Npgsql;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>A PostgreSQL database created on the given server for one benchmark run, dropped when disposed.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchDatabase(string server, NpgsqlConnectionStringBuilder connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    /// <summary>The new database's connection string (the given one with another database name).</summary>
    public NpgsqlConnectionStringBuilder ConnectionString { get; }

    /// <summary>Creates <c>bgraph_bench_*</c> on the server <paramref name="connectionString"/> points at (it needs CREATEDB).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "DDL takes no parameters; the database name is generated here from hex digits.")]
    public static async Task<BenchDatabase> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = "bgraph_bench_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            throw new UserFacingException($"Cannot create a benchmark database on the PostgreSQL server: {ex.Message}", ex);
        }

        return new BenchDatabase(connectionString, new NpgsqlConnectionStringBuilder(connectionString) { Database = name });
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "DDL takes no parameters; the database name is generated here from hex digits.")]
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{ConnectionString.Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
