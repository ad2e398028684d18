using System.Buffers.Binary;
using BehaviorGraph.Analytics.Algorithms.Lockstep;

namespace BehaviorGraph.Analytics.Detectors.Bots;

/// <summary>
/// What the bot detector keeps between runs (<see cref="DetectorOutput.State"/>): the settings the carry depends on
/// (windows, partner cap, co-actions to test), the size of the platform it saw (events, accounts, content) and the
/// lockstep carry (<see cref="LockstepCarry"/>: engagements read, co-action records, co-acting pairs, tested pairs as
/// account-index pairs). Little-endian: magic "BGBOTS", version, fields, an FNV-1a 64 checksum of everything before it.
/// </summary>
internal sealed record BotState(
    long[] WindowsMs, int MaxPartners, int MinSharedTargets, int EventCount, int AccountCount, int ContentCount, LockstepCarry Carry)
{
    private const int Version = 1;
    private static ReadOnlySpan<byte> Magic => "BGBOTS"u8;

    public byte[] Encode()
    {
        var size = Magic.Length + 4 + 4 + (8 * WindowsMs.Length) + (6 * 4) + 8 + 8 + 4 + (8 * Carry.TestedKeys.Length) + 8;
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        var at = Magic.Length;
        WriteInt(span, ref at, Version);
        WriteInt(span, ref at, WindowsMs.Length);
        foreach (var w in WindowsMs)
        {
            WriteLong(span, ref at, w);
        }

        WriteInt(span, ref at, MaxPartners);
        WriteInt(span, ref at, MinSharedTargets);
        WriteInt(span, ref at, EventCount);
        WriteInt(span, ref at, AccountCount);
        WriteInt(span, ref at, ContentCount);
        WriteInt(span, ref at, Carry.EngagementCount);
        WriteLong(span, ref at, Carry.CoActionRecords);
        WriteLong(span, ref at, Carry.CoActingPairs);
        WriteInt(span, ref at, Carry.TestedKeys.Length);
        foreach (var key in Carry.TestedKeys)
        {
            WriteLong(span, ref at, key);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(span[at..], StateChecksum.Of(span[..at]));
        return bytes;
    }

    /// <summary>The state in <paramref name="bytes"/>, or null when they are not a whole, well-formed state of this version.</summary>
    public static BotState? TryDecode(byte[]? bytes)
    {
        if (bytes is null || bytes.Length < Magic.Length + 16 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }

        var span = (ReadOnlySpan<byte>)bytes;
        if (!StateChecksum.Holds(span))
        {
            return null;
        }

        var body = span[..^8];
        var at = Magic.Length;
        if (!TryInt(body, ref at, out var version) || version != Version || !TryInt(body, ref at, out var windowCount) || windowCount is < 1 or > 64)
        {
            return null;
        }

        var windows = new long[windowCount];
        for (var w = 0; w < windowCount; w++)
        {
            if (!TryLong(body, ref at, out windows[w]))
            {
                return null;
            }
        }

        if (!TryInt(body, ref at, out var maxPartners) || !TryInt(body, ref at, out var minShared) || !TryInt(body, ref at, out var events)
            || !TryInt(body, ref at, out var accounts) || !TryInt(body, ref at, out var content) || !TryInt(body, ref at, out var engagements)
            || !TryLong(body, ref at, out var records) || !TryLong(body, ref at, out var pairs) || !TryInt(body, ref at, out var keyCount)
            || keyCount < 0 || (long)keyCount * 8 != body.Length - at)
        {
            return null;
        }

        var keys = new long[keyCount];
        for (var k = 0; k < keyCount; k++)
        {
            TryLong(body, ref at, out keys[k]);
        }

        return new BotState(windows, maxPartners, minShared, events, accounts, content, new LockstepCarry(engagements, records, pairs, keys));
    }

    /// <summary>
    /// Whether this state was left by a run with the same settings on the first <paramref name="eventCount"/> events
    /// (<paramref name="engagementCount"/> of them engagements) of a platform that has since only grown.
    /// </summary>
    public bool Continues(LockstepParameters parameters, int eventCount, int engagementCount, int accountCount, int contentCount)
    {
        if (!WindowsMs.SequenceEqual(parameters.WindowsMs) || MaxPartners != parameters.MaxPartners || MinSharedTargets != parameters.MinSharedTargets
            || EventCount != eventCount || Carry.EngagementCount != engagementCount || AccountCount > accountCount || ContentCount > contentCount
            || Carry.CoActingPairs < Carry.TestedKeys.Length || Carry.CoActionRecords < Carry.CoActingPairs)
        {
            return false;
        }

        var previous = -1L;
        foreach (var key in Carry.TestedKeys)
        {
            var a = key >> 32;
            var b = key & 0xFFFFFFFF;
            if (key <= previous || a < 0 || a >= b || b >= AccountCount)
            {
                return false;
            }

            previous = key;
        }

        return true;
    }

    private static void WriteInt(Span<byte> span, ref int at, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], value);
        at += 4;
    }

    private static void WriteLong(Span<byte> span, ref int at, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], value);
        at += 8;
    }

    private static bool TryInt(ReadOnlySpan<byte> span, ref int at, out int value)
    {
        value = 0;
        if (span.Length - at < 4)
        {
            return false;
        }

        value = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += 4;
        return true;
    }

    private static bool TryLong(ReadOnlySpan<byte> span, ref int at, out long value)
    {
        value = 0;
        if (span.Length - at < 8)
        {
            return false;
        }

        value = BinaryPrimitives.ReadInt64LittleEndian(span[at..]);
        at += 8;
        return true;
    }
}
