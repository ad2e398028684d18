using BehaviorGraph.Core.Graph;

namespace BehaviorGraph.Analytics.Algorithms.Lockstep;

/// <summary>
/// Engagements as parallel arrays: dense actor, dense target and time (Unix ms) per event, plus the external node id
/// behind every dense actor and target.
/// </summary>
public sealed record LockstepInput
{
    public LockstepInput(int[] actors, int[] targets, long[] timestampsMs, long[] actorIds, long[] targetIds)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(timestampsMs);
        ArgumentNullException.ThrowIfNull(actorIds);
        ArgumentNullException.ThrowIfNull(targetIds);
        if (actors.Length != targets.Length || actors.Length != timestampsMs.Length)
        {
            throw new ArgumentException(
                $"Actors ({actors.Length}), targets ({targets.Length}) and timestamps ({timestampsMs.Length}) must have the same length.");
        }

        for (var i = 0; i < actors.Length; i++)
        {
            if ((uint)actors[i] >= (uint)actorIds.Length || (uint)targets[i] >= (uint)targetIds.Length)
            {
                throw new ArgumentException(
                    $"Event {i} has actor {actors[i]} / target {targets[i]} outside 0..{actorIds.Length - 1} / 0..{targetIds.Length - 1}.");
            }
        }

        Actors = actors;
        Targets = targets;
        TimestampsMs = timestampsMs;
        ActorIds = actorIds;
        TargetIds = targetIds;
    }

    public int[] Actors { get; }

    public int[] Targets { get; }

    public long[] TimestampsMs { get; }

    public long[] ActorIds { get; }

    public long[] TargetIds { get; }

    public int Count => Actors.Length;

    /// <summary>
    /// Builds the arrays from event-log rows of the given types (null or empty: all), skipping rows without a target.
    /// Dense ids follow first appearance.
    /// </summary>
    public static LockstepInput FromEvents(IEnumerable<EventRow> events, IReadOnlyCollection<string>? types = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var typeSet = types is { Count: > 0 } ? new HashSet<string>(types, StringComparer.Ordinal) : null;
        var actorMap = new Dictionary<long, int>();
        var targetMap = new Dictionary<long, int>();
        var actorIds = new List<long>();
        var targetIds = new List<long>();
        var actors = new List<int>();
        var targets = new List<int>();
        var times = new List<long>();
        foreach (var row in events)
        {
            if (row.Target == 0 || (typeSet is not null && !typeSet.Contains(row.Type)))
            {
                continue;
            }

            actors.Add(Dense(actorMap, actorIds, row.Actor));
            targets.Add(Dense(targetMap, targetIds, row.Target));
            times.Add(row.TimestampMs);
        }

        return new LockstepInput([.. actors], [.. targets], [.. times], [.. actorIds], [.. targetIds]);
    }

    private static int Dense(Dictionary<long, int> map, List<long> ids, long id)
    {
        if (!map.TryGetValue(id, out var dense))
        {
            dense = ids.Count;
            map.Add(id, dense);
            ids.Add(id);
        }

        return dense;
    }
}
