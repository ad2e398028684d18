using SQLitePCL;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// A prepared statement driven through SQLite's C API. The ingest hot path binds and steps millions of rows;
/// ADO.NET's per-execute parameter handling costs more than SQLite's own work there, so these few statements
/// bypass it. Values are always bound, never spliced into the SQL text.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement), "prepare");
    }

    public RawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value), "bind");
        return this;
    }

    public RawStatement Bind(int index, double value)
    {
        Check(raw.sqlite3_bind_double(_statement, index, value), "bind");
        return this;
    }

    public RawStatement Bind(int index, string? value)
    {
        // UTF-16 straight from the string: SQLite converts it in C, where the UTF-8 overload would allocate a copy per call.
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()), "bind");
        return this;
    }

    public RawStatement BindNullable(int index, long value)
    {
        Check(value == 0 ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_int64(_statement, index, value), "bind");
        return this;
    }

    public RawStatement Bind(int index, double? value)
    {
        Check(value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index), "bind");
        return this;
    }

    /// <summary>Runs a statement that returns no row; the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            {
                Check(rc, "step");
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new Microsoft.Data.Sqlite.SqliteException($"SQLite {what} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }
    }
}
