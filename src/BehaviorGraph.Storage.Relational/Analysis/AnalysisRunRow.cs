using BehaviorGraph.Core.Features;

namespace BehaviorGraph.Storage.Relational.Analysis;

/// <summary>An <c>analysis_runs</c> row as Dapper reads it.</summary>
internal sealed class AnalysisRunRow
{
    public long Id { get; init; }

    public long CompletedAt { get; init; }

    public string Mode { get; init; } = AnalysisRunScope.FullMode;

    public long? PreviousRun { get; init; }

    public long? NewEvents { get; init; }

    public long? TouchedAccounts { get; init; }

    public string? Recomputed { get; init; }

    public AnalysisRunInfo ToInfo() => new(
        Id,
        DateTimeOffset.FromUnixTimeMilliseconds(CompletedAt),
        new AnalysisRunScope(Mode == AnalysisRunScope.IncrementalMode, PreviousRun, NewEvents ?? 0, (int)(TouchedAccounts ?? 0), Recomputed ?? string.Empty));
}
