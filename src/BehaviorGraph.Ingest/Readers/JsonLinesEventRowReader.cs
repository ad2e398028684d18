using System.Text.Json;
using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest.Readers;

/// <summary>Reads the JSON Lines form of the event contract: one object per line, the CSV field names as keys.</summary>
internal sealed class JsonLinesEventRowReader : IEventRowReader
{
    public IEnumerable<RowChunk> ReadChunks(Stream input, int chunkSize, long skipThroughLine, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input, leaveOpen: true);
        var builder = new RowChunkBuilder(chunkSize);
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (line <= skipThroughLine)
            {
                builder.AddSkipped(line);
            }
            else
            {
                ReadLine(text, line, builder);
            }

            if (builder.IsFull)
            {
                yield return builder.Take();
            }
        }

        if (!builder.IsEmpty)
        {
            yield return builder.Take();
        }
    }

    internal static void ReadLine(string text, long line, RowChunkBuilder builder)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            builder.AddQuarantined(line, $"{QuarantineReasons.InvalidJson}: {FirstSentence(ex.Message)}", text);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                builder.AddQuarantined(line, $"{QuarantineReasons.InvalidJson}: expected an object, got {root.ValueKind.ToString().ToLowerInvariant()}", text);
                return;
            }

            if (!TryField(root, "event_id", out var eventId, out var bad) || !TryField(root, "ts", out var ts, out bad)
                || !TryField(root, "type", out var type, out bad) || !TryField(root, "actor", out var actor, out bad)
                || !TryField(root, "target", out var target, out bad) || !TryField(root, "target_kind", out var targetKind, out bad)
                || !TryField(root, "value", out var value, out bad) || !TryField(root, "device", out var device, out bad)
                || !TryField(root, "ip", out var ip, out bad))
            {
                builder.AddQuarantined(line, $"{QuarantineReasons.InvalidJson}: field '{bad}' must be a string, a number or null", text);
                return;
            }

            var fields = new EventFields
            {
                EventId = eventId, Ts = ts, Type = type, Actor = actor, Target = target,
                TargetKind = targetKind, Value = value, Device = device, Ip = ip,
            };
            var e = EventRowValidator.Validate(fields, out var reason);
            if (e is null)
            {
                builder.AddQuarantined(line, reason!, text);
            }
            else
            {
                builder.AddEvent(e, line);
            }
        }
    }

    private static bool TryField(JsonElement root, string name, out string? value, out string? badField)
    {
        badField = null;
        value = null;
        if (!root.TryGetProperty(name, out var element))
        {
            return true;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                value = element.GetString();
                return true;
            case JsonValueKind.Number:
                value = element.GetRawText();
                return true;
            case JsonValueKind.Null:
                return true;
            default:
                badField = name;
                return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
