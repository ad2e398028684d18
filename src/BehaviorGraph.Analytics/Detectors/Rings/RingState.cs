namespace BehaviorGraph.Analytics.Detectors.Rings;

/// <summary>
/// What the ring detector keeps for the next run: the settings it ran with, how many events and accounts it saw, the
/// Louvain community of every account (by account index: later accounts are appended, so indices stay valid), the
/// mutual edge ends inside each community, and per
/// community of at least the smallest ring size its cores with their measurements (by community label).
/// Binary, little-endian: "BGRS", version, settings, counts, partition, internal ends, cores, then an FNV-1a 64 checksum of all before it.
/// </summary>
internal sealed class RingState
{
    private const uint Magic = 0x53524742; // "BGRS"
    private const int Version = 1;

    public RingState(long eventCount, int[] communities, int communityCount, long[] internalEnds, IReadOnlyDictionary<int, RingCore[]> cores)
    {
        EventCount = eventCount;
        Communities = communities;
        CommunityCount = communityCount;
        InternalEnds = internalEnds;
        Cores = cores;
    }

    public long EventCount { get; }

    public int AccountCount => Communities.Length;

    public int[] Communities { get; }

    public int CommunityCount { get; }

    /// <summary>Per community label: mutual edge ends inside it (mutual edges are only ever added, so equal members and an equal count mean the same subgraph).</summary>
    public long[] InternalEnds { get; }

    /// <summary>Per community label (communities of at least the smallest ring size): its cores, possibly none.</summary>
    public IReadOnlyDictionary<int, RingCore[]> Cores { get; }

    public byte[] Encode(RingParameters parameters)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            foreach (var value in Settings(parameters))
            {
                writer.Write(value);
            }

            writer.Write(parameters.Seed);
            writer.Write(EventCount);
            writer.Write(Communities.Length);
            writer.Write(CommunityCount);
            foreach (var c in Communities)
            {
                writer.Write(c);
            }

            foreach (var ends in InternalEnds)
            {
                writer.Write(ends);
            }

            writer.Write(Cores.Count);
            foreach (var (label, cores) in Cores.OrderBy(p => p.Key))
            {
                writer.Write(label);
                writer.Write(cores.Length);
                foreach (var core in cores)
                {
                    writer.Write(core.Members.Length);
                    foreach (var member in core.Members)
                    {
                        writer.Write(member);
                    }

                    var m = core.Measure;
                    writer.Write(m.Size);
                    writer.Write(m.MutualDensity);
                    writer.Write(m.FollowDensity);
                    writer.Write(m.ReciprocityInside);
                    writer.Write(m.ReciprocityOutside);
                    writer.Write(m.SignupSpreadMs);
                    writer.Write(m.Strangers);
                    writer.Write(m.OutreachPerMember);
                    writer.Write(m.ReportsReceived);
                    writer.Write(m.SharedDevices);
                    writer.Write(m.SharedIps);
                }
            }
        }

        return StateChecksum.Append(stream.ToArray());
    }

    /// <summary>
    /// The state in <paramref name="bytes"/> when it is intact, of this format, written with the same settings and
    /// continues a run of <paramref name="previousEventCount"/> events over at most <paramref name="accountCount"/>
    /// accounts; otherwise null (the caller runs a full pass).
    /// </summary>
    public static RingState? TryDecode(byte[]? bytes, RingParameters parameters, int accountCount, long previousEventCount)
    {
        if (bytes is null || bytes.Length < 16 || !StateChecksum.Holds(bytes))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 8, writable: false));
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != Version)
            {
                return null;
            }

            foreach (var expected in Settings(parameters))
            {
                if (reader.ReadDouble() != expected)
                {
                    return null;
                }
            }

            if (reader.ReadUInt64() != parameters.Seed || reader.ReadInt64() != previousEventCount)
            {
                return null;
            }

            var n = reader.ReadInt32();
            var communityCount = reader.ReadInt32();
            if (n < 0 || n > accountCount || communityCount < 0 || communityCount > n)
            {
                return null;
            }

            var communities = new int[n];
            for (var u = 0; u < n; u++)
            {
                communities[u] = reader.ReadInt32();
                if ((uint)communities[u] >= (uint)communityCount)
                {
                    return null;
                }
            }

            var internalEnds = new long[communityCount];
            for (var c = 0; c < communityCount; c++)
            {
                internalEnds[c] = reader.ReadInt64();
            }

            var entries = reader.ReadInt32();
            if (entries < 0 || entries > communityCount)
            {
                return null;
            }

            var cores = new Dictionary<int, RingCore[]>(entries);
            for (var k = 0; k < entries; k++)
            {
                var label = reader.ReadInt32();
                var count = reader.ReadInt32();
                if ((uint)label >= (uint)communityCount || count < 0 || count > n || cores.ContainsKey(label))
                {
                    return null;
                }

                var list = new RingCore[count];
                for (var i = 0; i < count; i++)
                {
                    var size = reader.ReadInt32();
                    if (size < 0 || size > n)
                    {
                        return null;
                    }

                    var members = new int[size];
                    for (var j = 0; j < size; j++)
                    {
                        members[j] = reader.ReadInt32();
                        if ((uint)members[j] >= (uint)n || communities[members[j]] != label)
                        {
                            return null;
                        }
                    }

                    var measure = new RingMeasure(
                        reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(),
                        reader.ReadInt64(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt32());
                    list[i] = new RingCore(members, measure);
                }

                cores.Add(label, list);
            }

            return reader.BaseStream.Position == reader.BaseStream.Length ? new RingState(previousEventCount, communities, communityCount, internalEnds, cores) : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static double[] Settings(RingParameters p) =>
    [
        p.MinMembers, p.MinInternalDegree, p.CoreFraction, p.MinMutualDensity, p.FullDensity, p.SaturationRatio, p.MinScore,
        p.BurstSpreadFraction, p.SplitModularity, p.SplitMargin, p.SplitNullTrials, p.MaxSplitDepth, p.MaxTrimRounds,
        p.CohesionWeight, p.ReciprocityWeight, p.BurstWeight, p.OutreachWeight, p.ReportsWeight, p.Resolution,
    ];
}
