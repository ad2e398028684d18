using BehaviorGraph.Core.Security;
using Dapper;

namespace BehaviorGraph.Storage.Relational.Security;

/// <summary>API keys as SHA-256 hashes; the SQL is the same on SQLite and PostgreSQL.</summary>
public sealed class ApiKeyStore(RelationalDialect dialect) : IApiKeyStore
{
    public async Task<bool> AddAsync(ApiKeyInfo key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_keys (key_hash, role, name, created_at, revoked_at)
            VALUES (@Hash, @Role, @Name, @CreatedAt, @RevokedAt) ON CONFLICT (key_hash) DO NOTHING
            """,
            new
            {
                key.Hash,
                Role = (int)key.Role,
                key.Name,
                CreatedAt = key.CreatedAt.ToUnixTimeMilliseconds(),
                RevokedAt = key.RevokedAt?.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<ApiKeyInfo?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {ApiKeyRow.Columns} FROM api_keys WHERE key_hash = @hash", new { hash }, cancellationToken: cancellationToken));
        return row?.ToInfo();
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {ApiKeyRow.Columns} FROM api_keys ORDER BY created_at DESC, key_hash", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task<bool> RevokeAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @at WHERE key_hash = @hash AND revoked_at IS NULL",
            new { hash, at = at.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return updated == 1;
    }
}
