using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Ingest.Validation;

/// <summary>
/// Derives an event id from a row's normalised content, so a row without <c>event_id</c> ingested twice
/// (or from two overlapping files) is recognised as the same event.
/// </summary>
public static class EventIdFactory
{
    public const string Prefix = "h-";

    public static string Derive(long timestampMs, string type, string actor, string? target, TargetKind targetKind, double? value, string? device, string? ip)
    {
        var canonical = string.Join('\u001f',
            timestampMs.ToString(CultureInfo.InvariantCulture), type, actor, target ?? string.Empty,
            ((int)targetKind).ToString(CultureInfo.InvariantCulture),
            value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty, device ?? string.Empty, ip ?? string.Empty);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(canonical.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var length = Encoding.UTF8.GetBytes(canonical, rented);
            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(rented.AsSpan(0, length), hash);
            return Prefix + Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
