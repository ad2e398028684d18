namespace BehaviorGraph.Api.AnalystConsole.Contracts;

/// <summary>
/// A device or IP that several members of a cluster used: which members (with how many events each and when), and how
/// many accounts of the whole graph use it (far more than the members suggests a carrier NAT or public Wi-Fi).
/// </summary>
public sealed record SharedIdentifier(string Kind, string Identifier, int MembersUsing, long AccountsUsing, IReadOnlyList<IdentifierMember> Members);
