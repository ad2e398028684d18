namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>
/// A signed-in console session: the hash of the API key it was opened with (never the key), when it started and
/// when it ends at the latest, and when it was last used (it also ends after <see cref="ConsoleSessions.IdleTimeout"/>
/// without use).
/// </summary>
internal sealed class ConsoleSession(string keyHash, DateTimeOffset startedAt, DateTimeOffset expiresAt)
{
    private long _lastUsedTicks = startedAt.UtcTicks;

    public string KeyHash { get; } = keyHash;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

    public bool IsOver(DateTimeOffset now) => now >= ExpiresAt || now - LastUsed >= ConsoleSessions.IdleTimeout;
}
