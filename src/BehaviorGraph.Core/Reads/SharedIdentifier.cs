namespace BehaviorGraph.Core.Reads;

/// <summary>Another account that acted from an identifier (device or IP) the given account acted from, and how often.</summary>
public sealed record SharedIdentifier(string Account, string Identifier, long Events);
