namespace BehaviorGraph.Analytics.Tests.Pipeline;

/// <summary>Small hand-built platforms shared by the detector tests.</summary>
internal static class Scenarios
{
    public const long Start = 1_700_000_000_000;

    /// <summary>
    /// 60 benign accounts ("b0".."b59") signing up over 60 days, in 6 loose friend groups with sparse, partly
    /// reciprocated follows and messages, each on its own device and home IP.
    /// </summary>
    public static TestPlatform Benign(int accounts = 60)
    {
        var p = new TestPlatform();
        var random = new Random(7);
        for (var i = 0; i < accounts; i++)
        {
            p.Add(Start + (i * TestPlatform.Day), "signup", $"b{i}", device: $"db{i}", ip: $"ipb{i}");
        }

        var t = Start + (61 * TestPlatform.Day);
        for (var i = 0; i < accounts; i++)
        {
            var group = i / 10;
            for (var k = 0; k < 2; k++)
            {
                var friend = (group * 10) + random.Next(10);
                if (friend == i)
                {
                    continue;
                }

                p.Add(t + random.Next(1_000_000_000), "follow", $"b{i}", $"b{friend}", device: $"db{i}", ip: $"ipb{i}");
                if (random.NextDouble() < 0.4)
                {
                    p.Add(t + random.Next(1_000_000_000), "follow", $"b{friend}", $"b{i}", device: $"db{friend}", ip: $"ipb{friend}");
                }
            }

            p.Add(t + random.Next(1_000_000_000), "post", $"b{i}", $"c{i}", device: $"db{i}", ip: $"ipb{i}");
        }

        return p;
    }

    /// <summary>
    /// A ring of <paramref name="size"/> accounts ("r0".."rN") created within one day, all following each other
    /// both ways, each following 12 benign strangers who never answer, and reported 3 times each. With
    /// <paramref name="careful"/> every member has its own device and IP; otherwise they share two devices.
    /// </summary>
    public static void AddRing(TestPlatform p, int size, bool careful, int benign = 60)
    {
        var t = Start + (30 * TestPlatform.Day);
        for (var i = 0; i < size; i++)
        {
            p.Add(t + (i * 600_000), "signup", $"r{i}", device: Device(i), ip: careful ? $"ipr{i}" : "proxy1");
        }

        var act = Start + (62 * TestPlatform.Day);
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                if (i != j)
                {
                    p.Add(act + (((i * size) + j) * 60_000L), "follow", $"r{i}", $"r{j}", device: Device(i), ip: careful ? $"ipr{i}" : "proxy1");
                }
            }

            for (var k = 0; k < 12; k++)
            {
                p.Add(act + TestPlatform.Day + (((i * 12) + k) * 3_600_000L), "message", $"r{i}", $"b{((i * 7) + (k * 5)) % benign}", device: Device(i), ip: careful ? $"ipr{i}" : "proxy1");
            }

            for (var k = 0; k < 3; k++)
            {
                var reporter = $"b{((i * 11) + (k * 3)) % benign}";
                p.Add(act + (2 * TestPlatform.Day) + (((i * 3) + k) * 3_600_000L), "report", reporter, $"r{i}", device: $"d{reporter}", ip: $"ip{reporter}");
            }
        }

        string Device(int i) => careful ? $"dr{i}" : $"pool{i % 2}";
    }
}
