using System.Diagnostics;
using System.Globalization;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// CPU time (user + system) from the operating system's own accounting. On a shared machine wall time says how
/// busy the machine was; CPU time says what the work cost, so benchmarks report both.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>USER_HZ, 100 on every Linux architecture .NET runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    /// <summary>CPU seconds every thread of this process has used so far.</summary>
    public static double OwnSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>
    /// CPU seconds of this process's child processes that have exited and been waited for (Linux: cutime + cstime of
    /// /proc/self/stat); a child's time counts once it is waited for, so the difference across one child's run is that
    /// child's cost. Null where /proc is not there.
    /// </summary>
    public static double? WaitedChildrenSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // Fields after the command name, which is in parentheses and may hold spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state): cutime and cstime are fields 16 and 17.
            var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            return ticks / (double)ClockTicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
