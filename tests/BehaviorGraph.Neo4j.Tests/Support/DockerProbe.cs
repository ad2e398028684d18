using System.Net.Sockets;
using System.Text;

namespace BehaviorGraph.Neo4j.Tests.Support;

/// <summary>Answers quickly whether a Docker engine is reachable, so live tests skip instead of hanging.</summary>
internal static class DockerProbe
{
    public static async Task<string?> WhyUnavailableAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host) && !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            // A remote engine (tcp://): let Testcontainers try it.
            return null;
        }

        var socketPath = string.IsNullOrEmpty(host) ? "/var/run/docker.sock" : host["unix://".Length..];
        if (!File.Exists(socketPath))
        {
            return $"no Docker engine ({socketPath} does not exist)";
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), timeout.Token);
            await socket.SendAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"), timeout.Token);
            var buffer = new byte[64];
            var read = await socket.ReceiveAsync(buffer, timeout.Token);
            var answer = Encoding.ASCII.GetString(buffer, 0, read);
            return answer.Contains(" 200 ", StringComparison.Ordinal) ? null : $"Docker engine at {socketPath} answered '{answer.Split('\r')[0]}'";
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            return $"Docker engine at {socketPath} does not answer ({e.Message})";
        }
    }
}
