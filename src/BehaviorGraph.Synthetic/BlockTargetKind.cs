namespace BehaviorGraph.Synthetic;

/// <summary>What an engagement block's targets are: content items (likes), accounts (follows) or both.</summary>
public enum BlockTargetKind
{
    Content,
    Account,
    Mixed,
}
