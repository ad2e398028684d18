using System.Data.Common;

namespace BehaviorGraph.Storage.Relational;

/// <summary>
/// What differs between the relational backends, so the stores of this project write their SQL once: how a
/// connection (and a read-only one) is opened, and the few fragments whose spelling differs. Fragments are fixed
/// text chosen by the adapter, never built from input.
/// </summary>
public abstract class RelationalDialect
{
    /// <summary>A ready-to-use read-write connection.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection inside a transaction that cannot write (SQLite: a read-only connection with <c>query_only</c>;
    /// PostgreSQL: <c>READ ONLY</c>), so every statement run in it sees one snapshot and nothing run in it can write.
    /// </summary>
    public abstract Task<ReadOnlySession> OpenReadOnlyAsync(CancellationToken cancellationToken);

    /// <summary>An ORDER BY tail that skips the first <paramref name="count"/> rows (a parameter or a number).</summary>
    public abstract string SkipRows(string count);

    /// <summary>
    /// <paramref name="column"/> is one of the values of the list parameter <paramref name="parameter"/> (SQLite: a list
    /// Dapper expands to <c>IN (…)</c>; PostgreSQL: an array bound as one parameter, <c>= ANY(…)</c>).
    /// </summary>
    public abstract string InList(string column, string parameter);

    /// <summary>A JSON column read as text.</summary>
    public abstract string JsonText(string column);

    /// <summary>A text parameter written into a JSON column.</summary>
    public abstract string JsonValue(string parameter);

    /// <summary>The boolean literals of the backend's flag columns.</summary>
    public abstract string True { get; }

    public abstract string False { get; }

    /// <summary>Text as the backend can store it (PostgreSQL text holds no U+0000).</summary>
    public virtual string? StorableText(string? text) => text;
}
