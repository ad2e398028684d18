using BehaviorGraph.Core.Security;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using BehaviorGraph.Api.Security;

namespace BehaviorGraph.Api.AnalystConsole;

/// <summary>
/// The console's sessions, held in this process's memory by the SHA-256 of their token (the token itself lives only
/// in the browser's HttpOnly cookie). A session lasts at most <see cref="Lifetime"/> and ends after
/// <see cref="IdleTimeout"/> without a request; signing out removes it at once, so the cookie's value is worthless
/// afterwards even if it was copied. A restart of the service ends every session. At most <see cref="MaxSessions"/>
/// are kept: beyond that the ended ones go, then the least recently used.
/// </summary>
internal sealed class ConsoleSessions(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);
    public const int MaxSessions = 10_000;

    private readonly ConcurrentDictionary<string, ConsoleSession> _byTokenHash = new(StringComparer.Ordinal);

    public int Count => _byTokenHash.Count;

    /// <summary>Opens a session for the key with this hash; returns the token for the cookie.</summary>
    public (string Token, ConsoleSession Session) Start(string keyHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyHash);
        var now = clock.GetUtcNow();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new ConsoleSession(keyHash, now, now + Lifetime);
        _byTokenHash[ApiKeys.Hash(token)] = session;
        if (_byTokenHash.Count > MaxSessions)
        {
            Sweep(now);
        }

        return (token, session);
    }

    /// <summary>The live session of this token, marked as used now; null (and forgotten) when it is over or unknown.</summary>
    public ConsoleSession? Find(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = ApiKeys.Hash(token);
        if (!_byTokenHash.TryGetValue(hash, out var session))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (session.IsOver(now))
        {
            _byTokenHash.TryRemove(hash, out _);
            return null;
        }

        session.Touch(now);
        return session;
    }

    /// <summary>Ends the session of this token; false when there was none.</summary>
    public bool End(string token) => !string.IsNullOrEmpty(token) && token.Length <= 100 && _byTokenHash.TryRemove(ApiKeys.Hash(token), out _);

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (hash, session) in _byTokenHash)
        {
            if (session.IsOver(now))
            {
                _byTokenHash.TryRemove(hash, out _);
            }
        }

        var excess = _byTokenHash.Count - MaxSessions;
        if (excess > 0)
        {
            foreach (var (hash, _) in _byTokenHash.OrderBy(p => p.Value.LastUsed).Take(excess).ToList())
            {
                _byTokenHash.TryRemove(hash, out _);
            }
        }
    }
}
