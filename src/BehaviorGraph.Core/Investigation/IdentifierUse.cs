using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Core.Investigation;

/// <summary>
/// One account's use of a device or IP: how many events it sent from it, the first and last time (Unix ms), and how
/// many accounts of the whole graph use the same identifier.
/// </summary>
public sealed record IdentifierUse(string Account, NodeKind Kind, string Identifier, long Count, long FirstMs, long LastMs, long AccountsUsing);
