namespace BehaviorGraph.Neo4j;

/// <summary>
/// A Neo4j graph-store address as users write it: <c>neo4j:http://host:7474</c>, optionally with
/// credentials and a database, <c>neo4j:https://user:pass@host:7473/analytics</c>. The <c>neo4j:</c>
/// prefix may be left out.
/// </summary>
public sealed record Neo4jLocation(Uri Endpoint, string? Database, string? User, string? Password)
{
    public const string Prefix = "neo4j:";

    public static bool HasPrefix(string value) =>
        value is not null && value.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public static Neo4jLocation Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (HasPrefix(text))
        {
            text = text[Prefix.Length..].Trim();
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException(
                $"Neo4j location '{RedactText(value)}' is not neo4j:http://host:7474 or neo4j:https://host:7473 " +
                "(the HTTP Query API; bolt:// is not supported).");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new FormatException($"Neo4j location '{RedactText(value)}' must not have a query or fragment.");
        }

        string? user = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        var segments = uri.AbsolutePath.Trim('/');
        if (segments.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException(
                $"Neo4j location '{RedactText(value)}' has path '{uri.AbsolutePath}'; only a database name may follow the host.");
        }

        var database = segments.Length == 0 ? null : Uri.UnescapeDataString(segments);
        var endpoint = new Uri(uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/");
        return new Neo4jLocation(endpoint, database, user, password);
    }

    /// <summary>A copy of <paramref name="options"/> pointing at this location; credentials and database given here win.</summary>
    public Neo4jOptions ApplyTo(Neo4jOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = options.Clone();
        copy.Uri = Endpoint;
        if (Database is not null)
        {
            copy.Database = Database;
        }

        if (User is not null)
        {
            copy.User = User;
            copy.Password = Password;
            copy.BearerToken = null;
        }

        return copy;
    }

    /// <summary>The location without its password.</summary>
    public override string ToString()
    {
        var authority = User is null ? Endpoint.Authority : $"{Uri.EscapeDataString(User)}:***@{Endpoint.Authority}";
        return $"{Prefix}{Endpoint.Scheme}://{authority}/{Database ?? string.Empty}";
    }

    private static string RedactText(string value)
    {
        var at = value.LastIndexOf('@');
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme >= 0 && at > scheme ? value[..(scheme + 3)] + "***" + value[at..] : value;
    }
}
