using System.Buffers;
using System.Text;
using SQLitePCL;

namespace BehaviorGraph.Storage.Sqlite;

/// <summary>
/// A prepared statement driven through SQLite's C API. The ingest hot path binds and steps millions of rows, and
/// analysis reads the whole event log back; ADO.NET's per-call parameter and column handling costs more than SQLite's
/// own work there, so these few statements bypass it (see <see cref="SqliteNative"/>). Values are always bound, never
/// spliced into the SQL text.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly nint _dbPointer;
    private readonly nint _pointer;

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement), "prepare");
        // Both handles stay referenced by this object, so the pointers outlive every call made through them.
        _dbPointer = db.DangerousGetHandle();
        _pointer = _statement.DangerousGetHandle();
    }

    public RawStatement Bind(int index, long value)
    {
        Check(SqliteNative.BindInt64(_pointer, index, value), "bind");
        return this;
    }

    public RawStatement Bind(int index, double value)
    {
        Check(SqliteNative.BindDouble(_pointer, index, value), "bind");
        return this;
    }

    public RawStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(SqliteNative.BindNull(_pointer, index), "bind");
            return this;
        }

        // The database is UTF-8: text bound as UTF-8 is copied once, where UTF-16 would be converted inside SQLite.
        const int StackLimit = 512;
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var buffer = rented ?? stackalloc byte[StackLimit];
            var written = Encoding.UTF8.GetBytes(value, buffer);
            Check(SqliteNative.BindText(_pointer, index, buffer[..written]), "bind");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return this;
    }

    /// <summary>Binds text already encoded as UTF-8.</summary>
    public RawStatement BindUtf8(int index, ReadOnlySpan<byte> utf8)
    {
        Check(SqliteNative.BindText(_pointer, index, utf8), "bind");
        return this;
    }

    public RawStatement BindNullable(int index, long value)
    {
        Check(value == 0 ? SqliteNative.BindNull(_pointer, index) : SqliteNative.BindInt64(_pointer, index, value), "bind");
        return this;
    }

    public RawStatement Bind(int index, double? value)
    {
        Check(value is { } v ? SqliteNative.BindDouble(_pointer, index, v) : SqliteNative.BindNull(_pointer, index), "bind");
        return this;
    }

    /// <summary>Runs a statement that returns no row; the number of rows it changed.</summary>
    public int Execute()
    {
        var rc = SqliteNative.Step(_pointer);
        if (rc is not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            // The error message belongs to the failed step; read it before reset.
            var message = raw.sqlite3_errmsg(_db).utf8_to_string();
            _ = SqliteNative.Reset(_pointer);
            throw new Microsoft.Data.Sqlite.SqliteException($"SQLite step failed: {message}", rc);
        }

        // reset repeats the step's result code, already handled above.
        _ = SqliteNative.Reset(_pointer);
        return SqliteNative.Changes(_dbPointer);
    }

    /// <summary>Steps a query: true with a row to read, false when it is done.</summary>
    public bool Read()
    {
        var rc = SqliteNative.Step(_pointer);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            Fail(rc, "step");
        }

        return false;
    }

    public bool IsNull(int column) => SqliteNative.ColumnType(_pointer, column) == raw.SQLITE_NULL;

    public long Int64(int column) => SqliteNative.ColumnInt64(_pointer, column);

    public double Double(int column) => SqliteNative.ColumnDouble(_pointer, column);

    /// <summary>A text column as UTF-8, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => SqliteNative.ColumnUtf8(_pointer, column);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            Fail(rc, what);
        }
    }

    private void Fail(int rc, string what) =>
        throw new Microsoft.Data.Sqlite.SqliteException($"SQLite {what} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
}
