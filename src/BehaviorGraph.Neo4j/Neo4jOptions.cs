namespace BehaviorGraph.Neo4j;

/// <summary>
/// Where and how to reach Neo4j's HTTP Query API. Bound from the configuration section
/// <see cref="SectionName"/> (so from <c>BehaviorGraph__Neo4j__Password</c> and the like in the environment).
/// Secrets come from configuration only; <see cref="ToString"/> never shows them.
/// </summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "BehaviorGraph:Neo4j";

    /// <summary>Base address of the HTTP endpoint, e.g. <c>http://localhost:7474</c>.</summary>
    public Uri? Uri { get; set; }

    public string Database { get; set; } = "neo4j";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Bearer token (SSO); used instead of user and password.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Rows per <c>UNWIND $rows</c> statement and per export page.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>Longest wait for one request, retries not included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a statement Neo4j answered with a <c>Neo.TransientError.*</c> code; 0 disables.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Uri is null)
        {
            throw new ArgumentException(
                $"Neo4j has no address: set {SectionName}:Uri or pass --graph neo4j:http://host:7474.");
        }

        if (!Uri.IsAbsoluteUri || (Uri.Scheme != System.Uri.UriSchemeHttp && Uri.Scheme != System.Uri.UriSchemeHttps))
        {
            throw new ArgumentException(
                $"Neo4j address '{Redacted(Uri)}' must be an absolute http:// or https:// URL (the Query API; bolt:// is not supported).");
        }

        if (!string.IsNullOrEmpty(Uri.UserInfo))
        {
            throw new ArgumentException("Put Neo4j credentials in User and Password, not in the address.");
        }

        if (string.IsNullOrWhiteSpace(Database))
        {
            throw new ArgumentException($"{SectionName}:Database is empty.");
        }

        if (!string.IsNullOrEmpty(BearerToken) && !string.IsNullOrEmpty(User))
        {
            throw new ArgumentException($"Set either {SectionName}:BearerToken or {SectionName}:User, not both.");
        }

        if (BatchSize is < 1 or > 1_000_000)
        {
            throw new ArgumentException($"{SectionName}:BatchSize is {BatchSize}; use 1 to 1,000,000.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:Timeout must be positive.");
        }

        if (MaxRetryAttempts < 0)
        {
            throw new ArgumentException($"{SectionName}:MaxRetryAttempts must not be negative.");
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:RetryDelay must not be negative.");
        }
    }

    public Neo4jOptions Clone() => (Neo4jOptions)MemberwiseClone();

    /// <summary>Address, database and user, never the password or token.</summary>
    public override string ToString() =>
        $"neo4j:{(Uri is null ? "(no address)" : Redacted(Uri))} database={Database}" +
        (string.IsNullOrEmpty(BearerToken) ? (User is null ? string.Empty : $" user={User}") : " auth=bearer");

    private static string Redacted(Uri uri) =>
        uri.IsAbsoluteUri && uri.UserInfo.Length > 0
            ? uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped)
            : uri.OriginalString;
}
