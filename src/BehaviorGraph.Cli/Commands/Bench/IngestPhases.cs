using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace BehaviorGraph.Cli.Commands.Bench;

/// <summary>
/// Listens to the stores' <c>bgraph.ingest.phase.duration</c> histograms while a benchmark runs and adds up the
/// seconds (wall, and CPU of the running thread) of each phase: the cost breakdown of an ingest. Phases of different
/// pipeline stages overlap in time. The PostgreSQL store's phases mostly wait on the server, whose CPU is not counted.
/// </summary>
internal sealed class IngestPhases : IDisposable
{
    private const string WallInstrument = "bgraph.ingest.phase.duration";
    private const string CpuInstrument = "bgraph.ingest.phase.cpu";
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, (double Seconds, double CpuSeconds, long Count)> _phases = new(StringComparer.Ordinal);

    public IngestPhases()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is WallInstrument or CpuInstrument && instrument.Meter.Name.StartsWith("BehaviorGraph.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, seconds, tags, _) =>
        {
            var phase = "?";
            foreach (var tag in tags)
            {
                if (tag.Key == "phase")
                {
                    phase = tag.Value?.ToString() ?? "?";
                }
            }

            _phases.AddOrUpdate(
                phase,
                instrument.Name == WallInstrument ? (seconds, 0, 1) : (0, seconds, 0),
                (_, p) => instrument.Name == WallInstrument ? (p.Seconds + seconds, p.CpuSeconds, p.Count + 1) : (p.Seconds, p.CpuSeconds + seconds, p.Count));
        });
        _listener.Start();
    }

    /// <summary>Seconds and occurrences per phase, sorted by name (which groups them by stage).</summary>
    public IReadOnlyList<PhaseFigure> Figures() =>
        _phases.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PhaseFigure(p.Key, p.Value.Seconds, p.Value.CpuSeconds, p.Value.Count)).ToList();

    public void Dispose() => _listener.Dispose();

    /// <summary>A phase's wall seconds, the CPU seconds of the thread that ran it, and how often it ran.</summary>
    internal sealed record PhaseFigure(string Phase, double Seconds, double CpuSeconds, long Count);
}
