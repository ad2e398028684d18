using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Storage.Postgres.Benchmarks;

/// <summary>
/// Deterministic synthetic interaction events for benchmarks: a fixed type mix, most events with a device
/// and an IP, timestamps rising from a fixed epoch. A hand-rolled SplitMix64 keeps the sequence identical
/// across runtimes and machines.
/// </summary>
public static class SyntheticEvents
{
    private const long Epoch = 1_700_000_000_000;

    // Per 100 events: view 30, like 20, follow 10, post 10, comment 8, share 5, message 5, rate 5, login 5, report 2.
    private static readonly (string Type, int Weight)[] Mix =
    [
        (EventTypes.View, 30), (EventTypes.Like, 20), (EventTypes.Follow, 10), (EventTypes.Post, 10),
        (EventTypes.Comment, 8), (EventTypes.Share, 5), (EventTypes.Message, 5), (EventTypes.Rate, 5),
        (EventTypes.Login, 5), (EventTypes.Report, 2),
    ];

    /// <summary>Events <paramref name="start"/> .. start+count-1 of the sequence the options describe.</summary>
    public static List<InteractionEvent> Generate(IngestBenchmarkOptions options, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(options);
        var events = new List<InteractionEvent>(count);
        for (var i = start; i < start + count; i++)
        {
            var random = new SplitMix64(options.Seed ^ ((ulong)i * 0x9E37_79B9_7F4A_7C15));
            var type = PickType(random.Next(100));
            var actor = "acct-" + random.Next(options.Accounts);
            var kind = EventTypes.IsTargetless(type) ? TargetKind.None : EventTypes.DefaultTargetKind(type);
            var target = kind switch
            {
                TargetKind.Account => "acct-" + random.Next(options.Accounts),
                TargetKind.Content => "post-" + random.Next(options.Contents),
                _ => null,
            };
            double? value = type == EventTypes.Rate ? 1 + random.Next(5) : null;
            var device = random.Next(10) < 7 ? "dev-" + random.Next(options.Devices) : null;
            var ip = random.Next(10) < 8 ? "ip-" + random.Next(options.Ips) : null;
            var ts = Epoch + (i * 50L) + random.Next(2000);
            events.Add(new InteractionEvent($"bench-{options.Seed}-{i:D9}", ts, type, actor, target, kind, value, device, ip));
        }

        return events;
    }

    private static string PickType(int roll)
    {
        foreach (var (type, weight) in Mix)
        {
            if (roll < weight)
            {
                return type;
            }

            roll -= weight;
        }

        return EventTypes.View;
    }

    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public int Next(int exclusiveMax)
        {
            _state += 0x9E37_79B9_7F4A_7C15;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
            z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
            z ^= z >> 31;
            return (int)(z % (ulong)exclusiveMax);
        }
    }
}
