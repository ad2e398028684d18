namespace BehaviorGraph.Core.Reads;

/// <summary>The identifiers accounts act from.</summary>
public enum IdentifierKind
{
    Device,
    Ip,
}
