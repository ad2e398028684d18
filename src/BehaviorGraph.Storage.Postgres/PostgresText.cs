namespace BehaviorGraph.Storage.Postgres;

internal static class PostgresText
{
    /// <summary>
    /// PostgreSQL text cannot hold U+0000, which a quarantined raw line may contain; it is stored as U+FFFD.
    /// </summary>
    public static string? Clean(string? text) =>
        text is not null && text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;
}
