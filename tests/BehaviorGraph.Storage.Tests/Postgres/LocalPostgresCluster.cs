using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BehaviorGraph.Storage.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster started from the machine's own binaries (Debian's postgresql package):
/// initdb into a temp directory, pg_ctl start on a free loopback port, stop and delete on dispose.
/// As root, initdb refuses to run, so both run as the <c>postgres</c> user through runuser.
/// </summary>
internal sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    private readonly string _binDirectory;
    private readonly string _root;
    private readonly bool _asServiceUser;

    private LocalPostgresCluster(string binDirectory, string root, bool asServiceUser, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        _asServiceUser = asServiceUser;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Where initdb and pg_ctl live: PATH first, then the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasBinaries);
        if (onPath is not null)
        {
            return onPath;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(debianRoot)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .Where(d => HasBinaries(d.Dir))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    public static async Task<LocalPostgresCluster> StartAsync(string binDirectory, CancellationToken cancellationToken)
    {
        var asServiceUser = Environment.IsPrivilegedProcess;
        var root = Path.Combine(Path.GetTempPath(), "bg-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var cluster = new LocalPostgresCluster(binDirectory, root, asServiceUser, FreePort());
        try
        {
            if (asServiceUser)
            {
                await RunAsync("chown", [$"{ServiceUser}:", root], root, cancellationToken);
            }

            await cluster.RunToolAsync("initdb",
                ["-D", cluster.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"],
                cancellationToken);
            await cluster.StartServerAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server of the cluster (again), waiting until it accepts connections.</summary>
    public Task StartServerAsync(CancellationToken cancellationToken) => RunToolAsync("pg_ctl",
        [
            "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-k {_root} -c listen_addresses=127.0.0.1 -p {Port} -c fsync=off -c full_page_writes=off",
            "start",
        ],
        cancellationToken);

    /// <summary>Stops the server as an operator's fast shutdown does: open transactions roll back, sessions are cut.</summary>
    public Task StopServerAsync(CancellationToken cancellationToken) =>
        RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None);
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_binDirectory, tool);
        return _asServiceUser
            ? RunAsync("runuser", ["-u", ServiceUser, "--", executable, .. arguments], _root, cancellationToken)
            : RunAsync(executable, arguments, _root, cancellationToken);
    }

    private static async Task RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static bool HasBinaries(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
