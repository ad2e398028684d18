using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Storage;

namespace BehaviorGraph.Storage.Tests;

/// <summary>
/// The whole graph store read back with node ids replaced by "kind:key", so tests compare against
/// hand-written names rather than backend-assigned ids.
/// </summary>
internal sealed record GraphSnapshot(
    IReadOnlyDictionary<long, string> Names,
    IReadOnlyDictionary<string, (long First, long Last)> Nodes,
    IReadOnlyDictionary<string, (long Count, long First, long Last, double ValueSum)> Edges,
    IReadOnlyList<string> Events)
{
    public static async Task<GraphSnapshot> ReadAsync(IBehaviorStore store, IReadOnlyCollection<string>? edgeTypes = null)
    {
        var names = new Dictionary<long, string>();
        var nodes = new Dictionary<string, (long, long)>();
        await foreach (var node in store.Graph.ReadNodesAsync(CancellationToken.None))
        {
            var name = $"{node.Kind.ToString().ToLowerInvariant()}:{node.Key}";
            names.Add(node.Id, name);
            nodes.Add(name, (node.FirstSeenMs, node.LastSeenMs));
        }

        var edges = new Dictionary<string, (long, long, long, double)>();
        await foreach (var edge in store.Graph.ReadEdgesAsync(edgeTypes, CancellationToken.None))
        {
            edges.Add($"{names[edge.Source]} {edge.Type} {names[edge.Target]}", (edge.Count, edge.FirstMs, edge.LastMs, edge.ValueSum));
        }

        var events = new List<string>();
        await foreach (var row in store.Events.ReadEventsAsync(EventSpan.All, null, CancellationToken.None))
        {
            events.Add(Describe(row, names));
        }

        return new GraphSnapshot(names, nodes, edges, events);
    }

    /// <summary>"ts type actor target value device ip", with '-' for an absent part.</summary>
    public static string Describe(EventRow row, IReadOnlyDictionary<long, string> names) =>
        string.Join(' ',
            row.TimestampMs, row.Type, names[row.Actor],
            row.Target == 0 ? "-" : names[row.Target],
            row.Value?.ToString("R") ?? "-",
            row.Device == 0 ? "-" : names[row.Device],
            row.Ip == 0 ? "-" : names[row.Ip]);
}
