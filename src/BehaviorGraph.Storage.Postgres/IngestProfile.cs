using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BehaviorGraph.Storage.Postgres;

/// <summary>
/// Where ingest spends its time, by phase, as a System.Diagnostics.Metrics histogram (meter
/// <c>BehaviorGraph.Storage.Postgres</c>, instrument <c>bgraph.ingest.phase.duration</c>, wall seconds, tag
/// <c>phase</c>). Wall time only: the phases mostly wait on the server, and async continuations move between
/// threads. Nothing is measured unless a listener is attached (<c>bgraph bench ingest</c> prints the breakdown).
/// </summary>
internal static class IngestProfile
{
    private static readonly Meter Meter = new("BehaviorGraph.Storage.Postgres");
    private static readonly Histogram<double> Wall = Meter.CreateHistogram<double>("bgraph.ingest.phase.duration", "s", "Wall time per ingest phase and batch.");

    public static long Start() => Wall.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records the time since <paramref name="start"/> under <paramref name="phase"/> and returns the next start.</summary>
    public static long Lap(long start, string phase)
    {
        if (start == 0)
        {
            return 0;
        }

        var now = Stopwatch.GetTimestamp();
        Wall.Record(Stopwatch.GetElapsedTime(start, now).TotalSeconds, new KeyValuePair<string, object?>("phase", phase));
        return now;
    }
}
