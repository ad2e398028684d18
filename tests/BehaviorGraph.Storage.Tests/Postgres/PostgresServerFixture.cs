using Dapper;
using Npgsql;
using Testcontainers.PostgreSql;

namespace BehaviorGraph.Storage.Tests.Postgres;

/// <summary>
/// One PostgreSQL server for all PostgreSQL tests, found in this order: a Testcontainers container (when a
/// Docker engine answers), the connection string in <c>BEHAVIORGRAPH_TEST_POSTGRES</c>, a throwaway
/// cluster from the machine's initdb/pg_ctl. Each test gets a database of its own.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "BEHAVIORGRAPH_TEST_POSTGRES";

    private readonly List<string> _attempts = [];
    private PostgreSqlContainer? _container;
    private LocalPostgresCluster? _cluster;

    /// <summary>A connection string with rights to create databases, or null when no server could be had.</summary>
    public string? AdminConnectionString { get; private set; }

    /// <summary>Which server is used, or why none is: every source tried and what it answered.</summary>
    public string Status => AdminConnectionString is null
        ? "No PostgreSQL server available; tried " + string.Join("; ", _attempts)
        : string.Join("; ", _attempts);

    public async Task InitializeAsync()
    {
        if (await TryTestcontainersAsync() || await TryEnvironmentAsync() || await TryLocalClusterAsync())
        {
            return;
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it; skips the test without a server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        Skip.If(AdminConnectionString is null, Status);
        var name = "bg_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "";
        if (!name.StartsWith("bg_test_", StringComparison.Ordinal) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a test database this fixture created.", nameof(connectionString));
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task<bool> TryTestcontainersAsync()
    {
        try
        {
            // Build() already fails fast when no Docker endpoint is configured or reachable.
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await container.StartAsync(timeout.Token);
            _container = container;
            return await AcceptAsync("Testcontainers", container.GetConnectionString());
        }
        catch (Exception ex)
        {
            _attempts.Add($"Testcontainers: {FirstLine(ex.Message)}");
            return false;
        }
    }

    private async Task<bool> TryEnvironmentAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            _attempts.Add($"{EnvironmentVariable}: not set");
            return false;
        }

        return await AcceptAsync(EnvironmentVariable, connectionString);
    }

    private async Task<bool> TryLocalClusterAsync()
    {
        var bin = LocalPostgresCluster.FindBinDirectory();
        if (bin is null)
        {
            _attempts.Add("local cluster: no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin (apt-get install postgresql)");
            return false;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            _cluster = await LocalPostgresCluster.StartAsync(bin, timeout.Token);
        }
        catch (Exception ex)
        {
            _attempts.Add($"local cluster from {bin}: {FirstLine(ex.Message)}");
            return false;
        }

        return await AcceptAsync($"local cluster from {bin} on port {_cluster.Port}", _cluster.ConnectionString);
    }

    private async Task<bool> AcceptAsync(string source, string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            AdminConnectionString = connectionString;
            _attempts.Add($"{source}: using PostgreSQL {connection.PostgreSqlVersion}");
            return true;
        }
        catch (Exception ex)
        {
            _attempts.Add($"{source}: cannot connect ({FirstLine(ex.Message)})");
            return false;
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
