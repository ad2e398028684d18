using System.Buffers.Binary;

namespace BehaviorGraph.Analytics.Detectors;

/// <summary>
/// The integrity check every detector's state ends with: FNV-1a (64-bit) of the bytes before it, little-endian. The
/// analysis state file only marks its end, so a state that was damaged, not merely cut short, is caught here and the
/// detector runs a full pass.
/// </summary>
internal static class StateChecksum
{
    public const int Length = sizeof(ulong);

    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary><paramref name="body"/> followed by its checksum.</summary>
    public static byte[] Append(ReadOnlySpan<byte> body)
    {
        var result = new byte[body.Length + Length];
        body.CopyTo(result);
        BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(body.Length), Of(body));
        return result;
    }

    /// <summary>Whether <paramref name="bytes"/> end with the checksum of what comes before it.</summary>
    public static bool Holds(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= Length && BinaryPrimitives.ReadUInt64LittleEndian(bytes[^Length..]) == Of(bytes[..^Length]);
}
