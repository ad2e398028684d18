namespace BehaviorGraph.Storage.Relational.Investigation;

/// <summary>How many accounts use one identifier node.</summary>
internal sealed class IdentifierCountRow
{
    public long Dst { get; init; }

    public long Accounts { get; init; }
}
