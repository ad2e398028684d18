using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace BehaviorGraph.Cli.Tests.Support;

/// <summary>
/// A real <c>bgraph serve</c> child process on a free loopback port, its output counted (bytes, lines) and kept
/// (the last lines), its memory readable from /proc, killable with SIGKILL.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Task _stdout;
    private readonly Task _stderr;
    private long _outputBytes;
    private long _outputLines;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        BaseAddress = address;
        _stdout = PumpAsync(process.StandardOutput);
        _stderr = PumpAsync(process.StandardError);
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Bytes the service has written to standard output and error so far.</summary>
    public long OutputBytes => Interlocked.Read(ref _outputBytes);

    public long OutputLines => Interlocked.Read(ref _outputLines);

    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join("\n", _tail);
            }
        }
    }

    /// <summary>Resident memory of the service process, from /proc/PID/status.</summary>
    public long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>Starts <c>bgraph serve</c> in <paramref name="directory"/> with <paramref name="args"/> and waits until /health answers.</summary>
    public static Task<ServeProcess> StartAsync(string directory, params string[] args) => StartAsync(directory, null, args);

    /// <summary>As <see cref="StartAsync(string, string[])"/>, with <paramref name="environment"/> set in the child process.</summary>
    public static async Task<ServeProcess> StartAsync(string directory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var process = Bgraph.Start(directory, environment, ["serve", "--urls", address.ToString().TrimEnd('/'), .. args]);
        var serve = new ServeProcess(process, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"bgraph serve exited with {process.ExitCode}: {serve.Tail}");
            }

            try
            {
                using var health = await client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await serve.DisposeAsync();
        throw new TimeoutException("bgraph serve did not answer /health within two minutes: " + serve.Tail);
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        await Task.WhenAll(_stdout, _stderr);
        _process.Dispose();
    }

    /// <summary>Creates an API key with <paramref name="role"/> in the store and returns it.</summary>
    public static async Task<string> CreateKeyAsync(string directory, string store, string role, string name)
    {
        var created = await Bgraph.RunAsync(directory, "keys", "create", "--role", role, "--name", name, "--store", store, "--json");
        if (created.ExitCode != 0)
        {
            throw new InvalidOperationException(created.Stderr);
        }

        return JsonDocument.Parse(created.Stdout).RootElement.GetProperty("key").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            Interlocked.Add(ref _outputBytes, Encoding.UTF8.GetByteCount(buffer, 0, read));
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n')
                {
                    line.Append(buffer[i]);
                    continue;
                }

                Interlocked.Increment(ref _outputLines);
                lock (_tail)
                {
                    _tail.Enqueue(line.ToString());
                    while (_tail.Count > 200)
                    {
                        _tail.Dequeue();
                    }
                }

                line.Clear();
            }
        }
    }
}
