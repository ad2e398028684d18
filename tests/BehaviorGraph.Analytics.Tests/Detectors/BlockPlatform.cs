using BehaviorGraph.Analytics.Tests.Pipeline;

namespace BehaviorGraph.Analytics.Tests.Detectors;

/// <summary>
/// A platform with organic engagement and planted engagement blocks, events added in time order over 100 days.
/// Organic accounts ("u0".."uN") post content and like, view and follow with a popularity skew; block b's accounts
/// ("blk{b}-{i}") like, share or view most of its own content targets ("bt{b}-{j}", posted by "own{b}") from its start
/// (a fraction of the 100 days) on, with some organic camouflage.
/// </summary>
internal sealed class BlockPlatform
{
    private const long Day = TestPlatform.Day;
    private List<(long Ts, string Type, string Actor, string? Target)> _events = [];

    private BlockPlatform()
    {
    }

    public TestPlatform Platform { get; } = new();

    public static TestPlatform Build(int accounts, int seed, IReadOnlyList<PlantedBlock> blocks) => BuildWithTimes(accounts, seed, blocks).Platform;

    public static BlockPlatform BuildWithTimes(int accounts, int seed, IReadOnlyList<PlantedBlock> blocks)
    {
        var p = new BlockPlatform();
        var random = new Random(seed);
        var start = Scenarios.Start;
        var content = accounts * 2;
        for (var i = 0; i < accounts; i++)
        {
            p._events.Add((start + (long)(random.NextDouble() * 20 * Day), "signup", $"u{i}", null));
        }

        for (var c = 0; c < content; c++)
        {
            p._events.Add((start + (long)((20 + (random.NextDouble() * 80)) * Day), "post", $"u{random.Next(accounts)}", $"c{c}"));
        }

        for (var i = 0; i < accounts; i++)
        {
            var activity = 3 + (int)(20 * Math.Pow(random.NextDouble(), 3));
            for (var k = 0; k < activity; k++)
            {
                var ts = start + (long)((20 + (random.NextDouble() * 80)) * Day);
                var roll = random.NextDouble();
                if (roll < 0.6)
                {
                    p._events.Add((ts, "like", $"u{i}", $"c{Popular(random, content)}"));
                }
                else if (roll < 0.85)
                {
                    p._events.Add((ts, "view", $"u{i}", $"c{Popular(random, content)}"));
                }
                else
                {
                    var friend = Popular(random, accounts);
                    if (friend != i)
                    {
                        p._events.Add((ts, "follow", $"u{i}", $"u{friend}"));
                    }
                }
            }
        }

        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var at = start + (long)((20 + (block.Start * 80)) * Day);
            p._events.Add((at - Day, "signup", $"own{b}", null));
            for (var j = 0; j < block.Targets; j++)
            {
                p._events.Add((at - Day + j, "post", $"own{b}", $"bt{b}-{j}"));
            }

            for (var i = 0; i < block.Accounts; i++)
            {
                p._events.Add((at - (Day / 2) + i, "signup", $"blk{b}-{i}", null));
                for (var j = 0; j < block.Targets; j++)
                {
                    if (random.NextDouble() < 0.9)
                    {
                        var type = random.NextDouble() < 0.7 ? "like" : random.NextDouble() < 0.5 ? "share" : "view";
                        p._events.Add((at + (long)(random.NextDouble() * 2 * Day), type, $"blk{b}-{i}", $"bt{b}-{j}"));
                    }
                }

                for (var k = 0; k < 3; k++)
                {
                    p._events.Add((at + (long)(random.NextDouble() * 2 * Day), "like", $"blk{b}-{i}", $"c{Popular(random, content)}"));
                }
            }
        }

        p._events = [.. p._events.OrderBy(e => e.Ts)];
        foreach (var (ts, type, actor, target) in p._events)
        {
            p.Platform.Add(ts, type, actor, target);
        }

        return p;
    }

    /// <summary>How many events come before the moment <paramref name="start"/> (as in <see cref="PlantedBlock.Start"/>) less a day.</summary>
    public int EventsBefore(double start)
    {
        var at = Scenarios.Start + (long)((20 + (start * 80)) * Day) - Day;
        return _events.Count(e => e.Ts < at);
    }

    /// <summary>Skewed towards low indices: a few items get most engagement.</summary>
    private static int Popular(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 2.5)));
}
