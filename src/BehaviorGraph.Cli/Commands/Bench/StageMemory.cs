using System.Globalization;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// The resident-set high-water mark of one stage of work. Where the kernel allows it (Linux, writing 5 to
/// /proc/self/clear_refs), the process's VmHWM is reset to the current RSS when a stage starts, so VmHWM at its end is
/// the stage's own peak; elsewhere RSS is sampled every 50 ms, which can miss a short spike. <see cref="Method"/> says
/// which one measured.
/// </summary>
internal sealed class StageMemory : IDisposable
{
    private readonly bool _hwmReset;
    private readonly Timer? _sampler;
    private long _sampledPeak;

    private StageMemory()
    {
        // Memory the previous stage left for the collector is not this stage's.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _hwmReset = TryResetHighWaterMark();
        _sampledPeak = Environment.WorkingSet;
        if (!_hwmReset)
        {
            _sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
        }
    }

    public string Method => _hwmReset ? "VmHWM, reset per stage" : "RSS sampled every 50 ms";

    public static StageMemory Start() => new();

    /// <summary>The stage's peak resident set in bytes, so far.</summary>
    public long PeakBytes()
    {
        if (_hwmReset && ReadStatusKilobytes("VmHWM:") is { } kb)
        {
            return kb * 1024;
        }

        Sample();
        return Interlocked.Read(ref _sampledPeak);
    }

    public void Dispose() => _sampler?.Dispose();

    private void Sample()
    {
        var rss = Environment.WorkingSet;
        long seen;
        while (rss > (seen = Interlocked.Read(ref _sampledPeak)) && Interlocked.CompareExchange(ref _sampledPeak, rss, seen) != seen)
        {
        }
    }

    private static bool TryResetHighWaterMark()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            // The reset took if the mark now sits at the current RSS (it is never below it).
            return ReadStatusKilobytes("VmHWM:") is { } hwm && ReadStatusKilobytes("VmRSS:") is { } rss && hwm <= rss + 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static long? ReadStatusKilobytes(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
