using System.Diagnostics;
using BehaviorGraph.Cli.Infrastructure;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// The bulk loaders the ingest targets are stated against, run on the same file in the same run: the sqlite3 CLI's
/// <c>.import</c> and psql's <c>\copy</c>, each into a table whose first column (the event id) is a text primary key.
/// A missing tool gives no figure (null), never a failure.
/// </summary>
internal static class ImportYardstick
{
    public static async Task<int> PageSizeAsync(string dbPath, CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><c>sqlite3 DB</c> with <c>.import</c> of <paramref name="file"/> into a new table, optionally with a page size.</summary>
    public static async Task<BenchFigure?> Sqlite3Async(string file, long rows, string dbPath, int? pageSize, CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync(file, "", cancellationToken);
        var info = new ProcessStartInfo("sqlite3") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dbPath);
        var script = (pageSize is { } size ? $"PRAGMA page_size={size};\n" : "")
            + $"CREATE TABLE ev ({columns});\n.mode csv\n.import --skip 1 '{file.Replace("'", "''", StringComparison.Ordinal)}' ev\n";
        return await RunAsync(info, script, "sqlite3 .import", rows, cancellationToken);
    }

    /// <summary>
    /// psql's <c>\copy … CSV HEADER</c> of <paramref name="file"/> into a new table of the database
    /// <paramref name="connection"/> names (libpq keywords; the password travels in PGPASSWORD).
    /// </summary>
    public static async Task<BenchFigure?> PsqlCopyAsync(string file, long rows, Npgsql.NpgsqlConnectionStringBuilder connection, CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync(file, " text", cancellationToken);
        var info = new ProcessStartInfo("psql") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("--no-psqlrc");
        info.ArgumentList.Add("--quiet");
        info.ArgumentList.Add("--set=ON_ERROR_STOP=1");
        info.ArgumentList.Add($"host={connection.Host} port={connection.Port} dbname={connection.Database} user={connection.Username}");
        if (connection.Password is { } password)
        {
            info.Environment["PGPASSWORD"] = password;
        }

        var script = $"CREATE TABLE ev ({columns});\n"
            + $"\\copy ev FROM '{file.Replace("'", "''", StringComparison.Ordinal)}' WITH (FORMAT csv, HEADER true)\n";
        return await RunAsync(info, script, "psql \\copy", rows, cancellationToken);
    }

    /// <summary>The file's header columns with <paramref name="type"/> (sqlite3: none, as .import creates them); the first one is a text primary key.</summary>
    private static async Task<string> ColumnsAsync(string file, string type, CancellationToken cancellationToken)
    {
        var header = (await File.ReadLinesAsync(file, cancellationToken).FirstAsync(cancellationToken)).Split(',');
        return string.Join(", ", header.Select((name, i) => i == 0 ? $"\"{name}\" TEXT PRIMARY KEY" : $"\"{name}\"{type}"));
    }

    private static async Task<BenchFigure?> RunAsync(ProcessStartInfo info, string script, string name, long rows, CancellationToken cancellationToken)
    {
        var childCpu = ProcessCpu.WaitedChildrenSeconds();
        var clock = Stopwatch.StartNew();
        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            if (process is null)
            {
                return null;
            }

            await process.StandardInput.WriteAsync(script);
            process.StandardInput.Close();
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = info.RedirectStandardOutput ? process.StandardOutput.ReadToEndAsync(cancellationToken) : Task.FromResult("");
            await process.WaitForExitAsync(cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            await output;
            if (process.ExitCode != 0)
            {
                throw new UserFacingException($"{name} failed: {(await errors).Trim()}");
            }

            // The same data rows the ingest read, so the two rates divide the same count.
            var cpu = ProcessCpu.WaitedChildrenSeconds() - childCpu;
            return new BenchFigure(name, rows, seconds, cpu);
        }
    }
}
