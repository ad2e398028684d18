using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;

namespace BehaviorGraph.Storage.Sqlite.Ingest;

/// <summary>
/// Where ingest spends its time, by phase, as System.Diagnostics.Metrics histograms (meter
/// <c>BehaviorGraph.Storage.Sqlite</c>; instruments <c>bgraph.ingest.phase.duration</c>, wall seconds, and
/// <c>bgraph.ingest.phase.cpu</c>, the running thread's CPU seconds; tag <c>phase</c>). On a shared machine the CPU
/// figure is the one that says what a phase costs. Nothing is measured unless a listener is attached
/// (<c>bgraph bench ingest</c> prints the breakdown).
/// </summary>
internal static partial class IngestProfile
{
    private static readonly Meter Meter = new("BehaviorGraph.Storage.Sqlite");
    private static readonly Histogram<double> Wall = Meter.CreateHistogram<double>("bgraph.ingest.phase.duration", "s", "Wall time per ingest phase and batch.");
    private static readonly Histogram<double> Cpu = Meter.CreateHistogram<double>("bgraph.ingest.phase.cpu", "s", "CPU time of the thread running the phase, per batch.");

    public static PhaseMark Start() => Wall.Enabled ? new PhaseMark(Stopwatch.GetTimestamp(), ThreadCpuNanoseconds()) : default;

    /// <summary>Records the time since <paramref name="start"/> under <paramref name="phase"/> and returns the next start.</summary>
    public static PhaseMark Lap(PhaseMark start, string phase)
    {
        if (start.Wall == 0)
        {
            return default;
        }

        var now = new PhaseMark(Stopwatch.GetTimestamp(), ThreadCpuNanoseconds());
        var tag = new KeyValuePair<string, object?>("phase", phase);
        Wall.Record(Stopwatch.GetElapsedTime(start.Wall, now.Wall).TotalSeconds, tag);
        Cpu.Record((now.CpuNs - start.CpuNs) / 1e9, tag);
        return now;
    }

    /// <summary>CLOCK_THREAD_CPUTIME_ID on Linux; 0 elsewhere (the CPU figures then read 0).</summary>
    private static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        return ClockGetTime(3, out var time) == 0 ? time.Seconds * 1_000_000_000 + time.Nanoseconds : 0;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>A phase's start: a Stopwatch timestamp (0: not measuring) and the thread's CPU time.</summary>
    internal readonly record struct PhaseMark(long Wall, long CpuNs);
}
