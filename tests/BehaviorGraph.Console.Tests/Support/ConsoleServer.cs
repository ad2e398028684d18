using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace BehaviorGraph.Console.Tests.Support;

/// <summary>
/// A real <c>bgraph serve</c> on a free port over a real SQLite store the CLI built from generated data; the keys it
/// made; and the store file, so a test can read what the console wrote. Stopped (its process, by id) on dispose.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log;

    private ConsoleServer(Process process, StringBuilder log, string storePath, Uri address, string analystKey, string analystName, string enforcementKey, string adminKey)
    {
        this.process = process;
        this.log = log;
        StorePath = storePath;
        Address = address;
        AnalystKey = analystKey;
        AnalystName = analystName;
        EnforcementKey = enforcementKey;
        AdminKey = adminKey;
    }

    public string StorePath { get; }

    public Uri Address { get; }

    public string AnalystKey { get; }

    public string AnalystName { get; }

    public string EnforcementKey { get; }

    public string AdminKey { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Makes keys on the store at <paramref name="storePath"/> and starts <c>serve</c> on it.</summary>
    public static async Task<ConsoleServer> StartAsync(string storePath)
    {
        var store = "sqlite:" + storePath;
        var root = Bgraph.RepositoryRoot;
        var (analystKey, analystName) = await CreateKeyAsync(root, store, "analyst");
        var (enforcementKey, _) = await CreateKeyAsync(root, store, "enforcement");
        var (adminKey, _) = await CreateKeyAsync(root, store, "admin");

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var log = new StringBuilder();
        var process = Process.Start(Bgraph.StartInfo(root, "serve", "--urls", address.ToString().TrimEnd('/'), "--store", store))!;
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ConsoleServer(process, log, storePath, address, analystKey, analystName, enforcementKey, adminKey);
        try
        {
            await server.WaitHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"bgraph serve exited with {process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"bgraph serve did not answer /health at {Address} within 2 minutes:\n{Log}");
    }

    private static async Task<(string Key, string Name)> CreateKeyAsync(string root, string store, string role)
    {
        using var json = JsonDocument.Parse(await Bgraph.RunAsync(root, "keys", "create", "--role", role, "--store", store, "--json"));
        return (json.RootElement.GetProperty("key").GetString()!, json.RootElement.GetProperty("name").GetString()!);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
