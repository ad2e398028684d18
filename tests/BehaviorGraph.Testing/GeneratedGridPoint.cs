using BehaviorGraph.Synthetic;

namespace BehaviorGraph.Testing;

/// <summary>The files a <see cref="GeneratorGridPoint"/> was written to. Shared and read-only: never modify them.</summary>
public sealed record GeneratedGridPoint(string Name, string Directory, GenerationSummary Summary)
{
    public string EventsPath => Summary.EventsPath;

    public string TruthPath => Summary.TruthPath;

    public string? LabelsPath => Summary.LabelsPath;
}
