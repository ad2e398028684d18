using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BehaviorGraph.Neo4j.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) that answers each request with the next scripted
/// response and records what it received. Answers 500 with a plain body when the script runs out.
/// </summary>
internal sealed class FakeQueryApiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeQueryApiServer()
    {
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public FakeQueryApiServer Respond(HttpStatusCode status, string body, TimeSpan delay = default)
    {
        _script.Enqueue(new ScriptedResponse(status, body, delay));
        return this;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            _requests.Enqueue(new RecordedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Headers["Authorization"],
                context.Request.ContentType,
                context.Request.Headers["Accept"],
                body));

            var response = _script.TryDequeue(out var next)
                ? next
                : new ScriptedResponse(HttpStatusCode.InternalServerError, "script exhausted");
            if (response.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(response.Delay, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = (int)response.Status;
            context.Response.ContentType = response.Body.StartsWith('{') ? "application/json" : "text/plain";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // The client gave up (timeout tests); nothing to answer.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
