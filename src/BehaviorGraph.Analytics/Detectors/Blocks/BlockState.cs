using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Detectors.Blocks;

/// <summary>
/// What an engagement-block run leaves for the next incremental run: the parameters it ran with, how many events,
/// accounts and content items it saw, the platform baseline it measured (<see cref="BlockBaseline"/>) and every block it
/// reported with its measurement. Targets are kept as content indices and account indices apart (an account target's
/// engagement node shifts when content is added); in memory they are the engagement nodes of the run at hand.
/// </summary>
/// <remarks>
/// Binary, little-endian: "BGBK", version byte, parameters, counts, baseline, blocks (accounts, content targets,
/// account targets, measured figures), then an FNV-1a 64 checksum of everything before it. Anything that does not
/// decode, does not checksum, or does not fit the data at hand is no state at all: the detector then runs in full.
/// </remarks>
internal sealed record BlockState(BlockParameters Parameters, int EventCount, int AccountCount, int ContentCount, BlockBaseline Baseline, IReadOnlyList<BlockMeasurement> Blocks)
{
    private const uint Magic = 0x4B424742;
    private const byte Version = 1;

    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            var p = Parameters;
            w.Write(p.NullFactor);
            w.Write(p.MaxBlocks);
            w.Write(p.PlainPeels);
            w.Write(p.MinAccounts);
            w.Write(p.MinTargets);
            w.Write(p.SplitModularity);
            w.Write(p.SplitMargin);
            w.Write(p.SplitNullTrials);
            w.Write(p.Seed);
            w.Write(EventCount);
            w.Write(AccountCount);
            w.Write(ContentCount);
            w.Write(Baseline.ChancePeelDensity);
            w.Write(Baseline.ChanceExcessDensity);
            w.Write(Baseline.PlatformAnsweredShare);
            w.Write(Blocks.Count);
            foreach (var m in Blocks)
            {
                WriteInts(w, m.Accounts);
                var content = m.Targets.Where(v => v < AccountCount + ContentCount).Select(v => v - AccountCount).ToArray();
                WriteInts(w, content);
                WriteInts(w, [.. m.Targets.Where(v => v >= AccountCount + ContentCount).Select(v => v - AccountCount - ContentCount)]);
                w.Write(m.Edges);
                w.Write(m.Density);
                w.Write(m.BackgroundDensity);
                w.Write(m.Lift);
                w.Write(m.Surprise);
                w.Write(m.ExcessDensity);
                w.Write(m.G);
                w.Write(m.AnswerableEdges);
                w.Write(m.AnsweredShare);
                w.Write(m.PlatformAnsweredShare);
                w.Write(m.CamouflageShare);
                w.Write(m.SpanMs);
            }
        }

        return StateChecksum.Append(stream.ToArray());
    }

    /// <summary>
    /// The state <paramref name="bytes"/> hold, with targets as engagement nodes of <paramref name="data"/>; null when
    /// they are not a state of this detector, were written with other parameters or for other events than the first
    /// <paramref name="firstNewEvent"/> of <paramref name="data"/>, or do not fit it.
    /// </summary>
    public static BlockState? TryDecode(byte[]? bytes, BlockParameters parameters, PlatformData data, int firstNewEvent)
    {
        if (bytes is null || bytes.Length < StateChecksum.Length + 5 || !StateChecksum.Holds(bytes))
        {
            return null;
        }

        var payload = bytes.AsSpan(0, bytes.Length - StateChecksum.Length);

        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, 0, payload.Length, writable: false));
            if (r.ReadUInt32() != Magic || r.ReadByte() != Version)
            {
                return null;
            }

            var stored = new BlockParameters
            {
                NullFactor = r.ReadDouble(),
                MaxBlocks = r.ReadInt32(),
                PlainPeels = r.ReadInt32(),
                MinAccounts = r.ReadInt32(),
                MinTargets = r.ReadInt32(),
                SplitModularity = r.ReadDouble(),
                SplitMargin = r.ReadDouble(),
                SplitNullTrials = r.ReadInt32(),
                Seed = r.ReadUInt64(),
            };
            var events = r.ReadInt32();
            var accounts = r.ReadInt32();
            var content = r.ReadInt32();
            if (stored != parameters || events != firstNewEvent || accounts < 0 || accounts > data.AccountCount || content < 0 || content > data.ContentCount)
            {
                return null;
            }

            var baseline = new BlockBaseline(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
            if (!(Finite(baseline.ChancePeelDensity) && baseline.ChancePeelDensity > 0 && Finite(baseline.ChanceExcessDensity) && baseline.ChanceExcessDensity >= 0
                && baseline.PlatformAnsweredShare is >= 0 and <= 1))
            {
                return null;
            }

            var n = data.AccountCount;
            var c = data.ContentCount;
            var count = r.ReadInt32();
            if (count < 0 || count > payload.Length)
            {
                return null;
            }

            var blocks = new List<BlockMeasurement>(count);
            for (var b = 0; b < count; b++)
            {
                var members = ReadInts(r, accounts, payload.Length);
                var contentTargets = ReadInts(r, content, payload.Length);
                var accountTargets = ReadInts(r, accounts, payload.Length);
                if (members is null || contentTargets is null || accountTargets is null || members.Length == 0)
                {
                    return null;
                }

                int[] targets = [.. contentTargets.Select(t => n + t), .. accountTargets.Select(t => n + c + t)];
                var m = new BlockMeasurement(
                    members,
                    targets,
                    contentTargets.Length,
                    accountTargets.Length,
                    r.ReadInt64(),
                    r.ReadDouble(),
                    r.ReadDouble(),
                    r.ReadDouble(),
                    r.ReadDouble(),
                    r.ReadDouble(),
                    r.ReadDouble(),
                    r.ReadInt64(),
                    r.ReadDouble(),
                    r.ReadDouble(),
                    r.ReadDouble(),
                    r.ReadInt64());
                if (!Finite(m.Density) || !Finite(m.ExcessDensity) || !Finite(m.Lift) || !Finite(m.Surprise) || !Finite(m.G))
                {
                    return null;
                }

                blocks.Add(m);
            }

            return r.BaseStream.Position == payload.Length ? new BlockState(stored, events, accounts, content, baseline, blocks) : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static bool Finite(double x) => double.IsFinite(x);

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    /// <summary>Ascending distinct indices below <paramref name="limit"/>, or null.</summary>
    private static int[]? ReadInts(BinaryReader r, int limit, int bytes)
    {
        var length = r.ReadInt32();
        if (length < 0 || length > bytes / sizeof(int))
        {
            return null;
        }

        var values = new int[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = r.ReadInt32();
            if (values[i] < 0 || values[i] >= limit || (i > 0 && values[i] <= values[i - 1]))
            {
                return null;
            }
        }

        return values;
    }
}
