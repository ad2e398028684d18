using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace BehaviorGraph.Jobs.Hosting;

/// <summary>
/// Hangfire's log provider is a process-wide static, bound to the logger factory of the host that configured it last.
/// When that host stops while another one in the same process runs on (tests, or an embedding application), its factory
/// is disposed and every later Hangfire call that logs — creating a job included — would throw. This provider turns a
/// disposed factory into silence instead of a failed job.
/// </summary>
internal sealed class HostBoundLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new GuardedLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class GuardedLog(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
