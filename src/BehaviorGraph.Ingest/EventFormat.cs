namespace BehaviorGraph.Ingest;

public enum EventFormat
{
    /// <summary>Decide from the file extension, else from the first non-blank character.</summary>
    Auto,
    Csv,
    JsonLines,
}
