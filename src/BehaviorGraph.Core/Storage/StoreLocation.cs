namespace BehaviorGraph.Core.Storage;

/// <summary>
/// A store address as users write it: <c>sqlite:PATH</c> or <c>postgres:CONNECTION-STRING</c>.
/// </summary>
public sealed record StoreLocation(StoreBackend Backend, string Target)
{
    public const string DefaultValue = "sqlite:./data/behaviorgraph.db";

    public static StoreLocation Default { get; } = Parse(DefaultValue);

    public static StoreLocation Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException(
                $"Store '{value}' has no backend prefix; write sqlite:PATH or postgres:CONNECTION-STRING.");
        }

        var scheme = value[..colon].Trim().ToLowerInvariant();
        var target = value[(colon + 1)..].Trim();
        if (target.Length == 0)
        {
            throw new FormatException($"Store '{value}' names no {scheme} target.");
        }

        return scheme switch
        {
            "sqlite" => new StoreLocation(StoreBackend.Sqlite, target),
            "postgres" or "postgresql" => new StoreLocation(StoreBackend.Postgres, target),
            _ => throw new FormatException(
                $"Store backend '{scheme}' is unknown; use sqlite:PATH or postgres:CONNECTION-STRING."),
        };
    }

    /// <summary>The address without secrets (PostgreSQL passwords), for messages.</summary>
    public override string ToString() => Backend switch
    {
        StoreBackend.Sqlite => $"sqlite:{Target}",
        _ => $"postgres:{RedactPassword(Target)}",
    };

    private static string RedactPassword(string connectionString) =>
        string.Join(';', connectionString.Split(';').Select(part =>
            part.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)
                ? part[..(part.IndexOf('=', StringComparison.Ordinal) + 1)] + "***"
                : part));
}
