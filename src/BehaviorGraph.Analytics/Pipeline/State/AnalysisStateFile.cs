using System.Runtime.InteropServices;
using System.Text;
using BehaviorGraph.Analytics.Projection;

namespace BehaviorGraph.Analytics.Pipeline.State;

/// <summary>
/// The analysis state in one binary file beside the store (flat arrays as they lie in memory). It is a cache: written
/// whole to a temporary file and renamed over the old one after the run is published, so a crash leaves the previous
/// state or none; a missing, truncated or foreign file only makes the next run a full one.
/// </summary>
public sealed class AnalysisStateFile(string path)
{
    private const uint Magic = 0x53414742; // "BGAS"
    private const int Version = 1;
    private const uint EndMark = 0x444E4542; // "BEND"

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    internal (AnalysisState? State, string? Problem) Read()
    {
        if (!File.Exists(Path))
        {
            return (null, $"no analysis state kept yet ({Path})");
        }

        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != Version)
            {
                return (null, $"the analysis state {Path} is not one this version wrote");
            }

            var runId = reader.ReadInt64();
            var fingerprint = reader.ReadString();
            var data = ReadData(reader, stream.Length);
            var states = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                states[name] = ReadArray<byte>(reader, stream.Length);
            }

            return reader.ReadUInt32() == EndMark && stream.Position == stream.Length
                ? (new AnalysisState(runId, fingerprint, data, states), null)
                : (null, $"the analysis state {Path} is incomplete");
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or InvalidDataException or UnauthorizedAccessException or OutOfMemoryException)
        {
            return (null, $"the analysis state {Path} cannot be read ({ex.GetType().Name})");
        }
    }

    internal void Write(AnalysisState state)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(state.RunId);
            writer.Write(state.SettingsFingerprint);
            WriteData(writer, state.Data);
            writer.Write(state.DetectorStates.Count);
            foreach (var (name, bytes) in state.DetectorStates.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                WriteArray<byte>(writer, bytes);
            }

            writer.Write(EndMark);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    private static void WriteData(BinaryWriter writer, PlatformData data)
    {
        writer.Write(data.AccountKeys.Length);
        foreach (var key in data.AccountKeys)
        {
            writer.Write(key);
        }

        WriteArray<long>(writer, data.AccountFirstSeenMs);
        writer.Write(data.ContentCount);
        writer.Write(data.DeviceCount);
        writer.Write(data.IpCount);
        writer.Write(data.ReferenceTimeMs);
        writer.Write(data.NodesRead);
        writer.Write(data.MaxNodeId);
        writer.Write(data.EventSequence);
        foreach (var edges in new[] { data.AccountEdges, data.ContentEdges, data.DeviceEdges, data.IpEdges })
        {
            WriteArray<int>(writer, edges.Source);
            WriteArray<int>(writer, edges.Target);
            WriteArray<byte>(writer, edges.Type);
            WriteArray<int>(writer, edges.Count);
            WriteArray<double>(writer, edges.ValueSum);
            WriteArray<long>(writer, edges.FirstMs);
            WriteArray<long>(writer, edges.LastMs);
        }

        var events = data.Events;
        WriteArray<int>(writer, events.Actor);
        WriteArray<int>(writer, events.Target);
        WriteArray<byte>(writer, events.Type);
        WriteArray<long>(writer, events.TimestampMs);
        WriteArray<float>(writer, events.Value);
    }

    private static PlatformData ReadData(BinaryReader reader, long length)
    {
        var keyCount = reader.ReadInt32();
        if (keyCount < 0 || keyCount > length)
        {
            throw new InvalidDataException("account count");
        }

        var keys = new string[keyCount];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = reader.ReadString();
        }

        var firstSeen = ReadArray<long>(reader, length);
        var content = reader.ReadInt32();
        var devices = reader.ReadInt32();
        var ips = reader.ReadInt32();
        var reference = reader.ReadInt64();
        var nodes = reader.ReadInt64();
        var maxNode = reader.ReadInt64();
        var sequence = reader.ReadInt64();
        var edges = new EdgeColumns[4];
        for (var f = 0; f < edges.Length; f++)
        {
            edges[f] = new EdgeColumns(
                ReadArray<int>(reader, length), ReadArray<int>(reader, length), ReadArray<byte>(reader, length), ReadArray<int>(reader, length),
                ReadArray<double>(reader, length), ReadArray<long>(reader, length), ReadArray<long>(reader, length));
        }

        var events = new EventColumns(
            ReadArray<int>(reader, length), ReadArray<int>(reader, length), ReadArray<byte>(reader, length), ReadArray<long>(reader, length), ReadArray<float>(reader, length));
        if (firstSeen.Length != keys.Length || edges.Any(e => !SameLengths(e)) || !SameLengths(events))
        {
            throw new InvalidDataException("column lengths");
        }

        return new PlatformData
        {
            AccountKeys = keys,
            AccountFirstSeenMs = firstSeen,
            ContentCount = content,
            DeviceCount = devices,
            IpCount = ips,
            AccountEdges = edges[0],
            ContentEdges = edges[1],
            DeviceEdges = edges[2],
            IpEdges = edges[3],
            Events = events,
            ReferenceTimeMs = reference,
            NodesRead = nodes,
            MaxNodeId = maxNode,
            EventSequence = sequence,
        };
    }

    private static bool SameLengths(EdgeColumns e) =>
        e.Target.Length == e.Length && e.Type.Length == e.Length && e.Count.Length == e.Length && e.ValueSum.Length == e.Length
        && e.FirstMs.Length == e.Length && e.LastMs.Length == e.Length;

    private static bool SameLengths(EventColumns e) =>
        e.Target.Length == e.Count && e.Type.Length == e.Count && e.TimestampMs.Length == e.Count && e.Value.Length == e.Count;

    private static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader, long fileLength)
        where T : unmanaged
    {
        var count = reader.ReadInt32();
        if (count < 0 || (long)count * Marshal.SizeOf<T>() > fileLength - reader.BaseStream.Position)
        {
            throw new InvalidDataException("array length");
        }

        var values = new T[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
