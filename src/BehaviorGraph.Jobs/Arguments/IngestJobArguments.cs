namespace BehaviorGraph.Jobs.Arguments;

/// <summary>The <c>ingest</c> job's arguments: the inbox folder (null: the service's configured inbox).</summary>
public sealed record IngestJobArguments(string? Inbox = null)
{
    public static IngestJobArguments From(IReadOnlyDictionary<string, string> arguments)
    {
        JobCatalog.Validate(JobNames.Ingest, arguments);
        return new IngestJobArguments(arguments.GetValueOrDefault("inbox"));
    }
}
