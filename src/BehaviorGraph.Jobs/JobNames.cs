namespace BehaviorGraph.Jobs;

/// <summary>The jobs the service runs, as schedules and triggers name them.</summary>
public static class JobNames
{
    public const string Ingest = "ingest";
    public const string Analyze = "analyze";
    public const string Train = "train";
    public const string Score = "score";
    public const string GraphSync = "graph-sync";

    public static IReadOnlyList<string> All { get; } = [Ingest, Analyze, Train, Score, GraphSync];
}
