using System.Globalization;
using BehaviorGraph.Core.Events;
using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest.Tests.Properties;

/// <summary>
/// Random valid events, each with the text of its fields as a producer might write them (any case of type, ISO times
/// in Z or with an offset or epoch seconds, ids of many scripts and punctuation), and the event the reader must make.
/// </summary>
internal static class GoodEvents
{
    public const string Note = "note";

    private static readonly string[] Pieces =
    [
        "a", "b", "Z", "q", "0", "7", "42", "user", "_", "-", ".", "@", ":", "/", "\\", "#", "+", "=", "'", ",", "\"", "{", "}", "[", "]",
        " ", "é", "ß", "Ж", "日本", "İ", "ı", "ﬁ", "😀", "𝔘", "ø", "中", "ح", "क", "🙂", "'", ";", "|", "%", "&", "~", "<", ">",
    ];

    private static readonly string[] Types = [.. EventTypes.Known, "teleport", "x.y-z_1", "Purchase"];

    public static GoodEvent Create(Random rng, int index)
    {
        var typeName = Types[rng.Next(Types.Length)];
        var type = EventTypes.Known.Contains(typeName) ? typeName : typeName.ToLowerInvariant();
        var typeText = RandomCase(rng, typeName);
        var actor = Id(rng);
        string? target = null;
        if (EventTypes.RequiresTarget(type) || (!EventTypes.IsTargetless(type) && !EventTypes.IsKnown(type) && rng.Next(2) == 0))
        {
            target = Id(rng);
        }

        var kind = TargetKind.None;
        string? kindText = null;
        if (target is not null)
        {
            kind = EventTypes.DefaultTargetKind(type);
            if (rng.Next(3) == 0)
            {
                kind = rng.Next(2) == 0 ? TargetKind.Account : TargetKind.Content;
                kindText = RandomCase(rng, kind == TargetKind.Account ? "account" : "content");
            }
        }

        double? value = null;
        if (type == EventTypes.Rate)
        {
            value = Math.Round((rng.NextDouble() * 20) - 10, 2);
        }
        else if (rng.Next(3) == 0)
        {
            value = rng.Next(4) switch
            {
                0 => rng.Next(-1000, 1000),
                1 => Math.Round((rng.NextDouble() - 0.5) * 2e9, 3),
                2 => EventRowValidator.MaxAbsValue * (rng.Next(2) == 0 ? 1 : -1),
                _ => Math.Round(rng.NextDouble(), 6),
            };
        }

        var device = rng.Next(2) == 0 ? Id(rng) : null;
        var ip = rng.Next(2) == 0 ? $"10.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(256)}" : null;
        var (ms, tsText) = Timestamp(rng);
        string? eventIdText = rng.Next(5) == 0 ? null : $"g{index}-{rng.Next(1_000_000)}";
        var eventId = eventIdText ?? EventIdFactory.Derive(ms, type, actor, target, kind, value, device, ip);
        var expected = new InteractionEvent(eventId, ms, type, actor, target, kind, value, device, ip);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["event_id"] = eventIdText,
            ["ts"] = tsText,
            ["type"] = typeText,
            ["actor"] = actor,
            ["target"] = target,
            ["target_kind"] = kindText,
            ["value"] = value?.ToString("R", CultureInfo.InvariantCulture),
            ["device"] = device,
            ["ip"] = ip,
            [Note] = rng.Next(3) == 0 ? Id(rng) : null,
        };
        return new GoodEvent(expected, fields);
    }

    /// <summary>A random identifier that the id rules accept: no edge spaces, at most 256 UTF-16 units.</summary>
    public static string Id(Random rng)
    {
        var length = rng.Next(10) == 0 ? rng.Next(1, 120) : rng.Next(1, 8);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(Pieces[rng.Next(Pieces.Length)]);
        }

        var id = text.ToString().Trim(' ');
        if (id.Length == 0)
        {
            id = "x";
        }

        if (rng.Next(50) == 0)
        {
            id = new string('m', IdentifierRules.MaxLength - 1) + "n";
        }

        return id.Length > IdentifierRules.MaxLength ? id[..IdentifierRules.MaxLength].TrimEnd(' ').TrimEnd('\uD83D', '\uD835') : id;
    }

    private static (long Ms, string Text) Timestamp(Random rng)
    {
        var start = new DateTimeOffset(1971, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var end = new DateTimeOffset(2099, 12, 30, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var ms = start + (long)(rng.NextDouble() * (end - start));
        var seconds = ms / 1000 * 1000;
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(seconds);
        switch (rng.Next(6))
        {
            case 0:
                return (seconds, utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            case 1:
                return (ms, DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            case 2:
                var offset = TimeSpan.FromMinutes(rng.Next(-12 * 60, 13 * 60) / 15 * 15);
                return (seconds, utc.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            case 3:
                return (seconds, (seconds / 1000).ToString(CultureInfo.InvariantCulture));
            case 4:
                return (ms, (ms / 1000d).ToString("0.000", CultureInfo.InvariantCulture));
            default:
                var micro = DateTimeOffset.FromUnixTimeMilliseconds(ms).AddTicks(rng.Next(10_000));
                return (ms, micro.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        }
    }

    private static string RandomCase(Random rng, string text) => rng.Next(3) switch
    {
        0 => text,
        1 => text.ToUpperInvariant(),
        _ => string.Concat(text.Select(c => rng.Next(2) == 0 ? char.ToUpperInvariant(c) : c)),
    };
}

/// <summary>A valid event: what the reader must produce, and the text of each field (null: absent) including the extra <c>note</c>.</summary>
internal sealed record GoodEvent(InteractionEvent Expected, Dictionary<string, string?> Fields);
