using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace BehaviorGraph.Neo4j.Client;

/// <summary>
/// Request bodies and responses of the HTTP Query API in plain JSON (<c>application/json</c>, not the typed
/// <c>application/vnd.neo4j.query</c> variant). In plain JSON a number without fraction or exponent is an
/// Integer and one with them a Float, so floating-point parameters are always written with a fraction.
/// </summary>
internal static class CypherJson
{
    public static byte[] WriteRequest(CypherQuery query)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", query.Statement);
            writer.WritePropertyName("parameters");
            writer.WriteStartObject();
            foreach (var (name, value) in query.Parameters)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value, "$" + name);
            }

            writer.WriteEndObject();
            writer.WriteString("accessMode", query.AccessMode == CypherAccessMode.Read ? "Read" : "Write");
            writer.WriteBoolean("includeCounters", true);
            if (query.Bookmarks is { Count: > 0 } bookmarks)
            {
                writer.WriteStartArray("bookmarks");
                foreach (var bookmark in bookmarks)
                {
                    writer.WriteStringValue(bookmark);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, string path)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong unsigned:
                writer.WriteNumberValue(unsigned <= long.MaxValue
                    ? (long)unsigned
                    : throw new ArgumentException($"Parameter {path} = {unsigned} is beyond Neo4j's 64-bit integers."));
                break;
            case double or float or decimal:
                WriteFloat(writer, Convert.ToDouble(value, CultureInfo.InvariantCulture), path);
                break;
            case IDictionary<string, object?> map:
                WriteMap(writer, map, path);
                break;
            case IReadOnlyDictionary<string, object?> readOnlyMap:
                WriteMap(writer, readOnlyMap, path);
                break;
            case IEnumerable sequence and not IDictionary:
                writer.WriteStartArray();
                var i = 0;
                foreach (var item in sequence)
                {
                    WriteValue(writer, item, $"{path}[{i++}]");
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException(
                    $"Parameter {path} has type {value.GetType().Name}, which plain JSON cannot carry to Neo4j; " +
                    "use null, string, bool, an integer, a floating-point number, a list or a string-keyed map " +
                    "(times as Unix milliseconds).");
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> map, string path)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in map)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, item, $"{path}.{key}");
        }

        writer.WriteEndObject();
    }

    private static void WriteFloat(Utf8JsonWriter writer, double number, string path)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentException(
                $"Parameter {path} is {number.ToString(CultureInfo.InvariantCulture)}; plain JSON cannot carry NaN or infinity to Neo4j.");
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny(".eE") < 0)
        {
            text += ".0";
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }

    /// <summary>Turns a response into a result, or throws <see cref="Neo4jException"/> for an error answer.</summary>
    public static CypherResult ReadResponse(HttpStatusCode status, byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new Neo4jException($"HTTP {(int)status}", DescribeNonJson(status, body), status);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = ReadString(first, "code") ?? $"HTTP {(int)status}";
                var message = ReadString(first, "message") ?? "(no message)";
                if (errors.GetArrayLength() > 1)
                {
                    message += $" (and {errors.GetArrayLength() - 1} more error(s))";
                }

                throw new Neo4jException(code, message, status);
            }

            if ((int)status is < 200 or > 299)
            {
                throw new Neo4jException($"HTTP {(int)status}", DescribeNonJson(status, body), status);
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data))
            {
                throw new Neo4jException("Neo.InvalidResponse", "The answer has no 'data' object; is this Neo4j's Query API?", status);
            }

            return ReadData(root, data.Clone());
        }
    }

    private static CypherResult ReadData(JsonElement root, JsonElement data)
    {
        var fields = new List<string>();
        if (data.TryGetProperty("fields", out var fieldArray) && fieldArray.ValueKind == JsonValueKind.Array)
        {
            fields.AddRange(fieldArray.EnumerateArray().Select(f => f.GetString() ?? string.Empty));
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            index.TryAdd(fields[i], i);
        }

        var rows = new List<CypherRow>();
        if (data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in values.EnumerateArray())
            {
                var cells = row.EnumerateArray().ToArray();
                if (cells.Length != fields.Count)
                {
                    throw new Neo4jException(
                        "Neo.InvalidResponse",
                        $"A row has {cells.Length} value(s) for {fields.Count} field(s).");
                }

                rows.Add(new CypherRow(fields, index, cells));
            }
        }

        var bookmarks = new List<string>();
        if (root.TryGetProperty("bookmarks", out var marks) && marks.ValueKind == JsonValueKind.Array)
        {
            bookmarks.AddRange(marks.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!));
        }

        var counters = root.TryGetProperty("counters", out var c) && c.ValueKind == JsonValueKind.Object
            ? new CypherCounters(
                c.TryGetProperty("containsUpdates", out var updates) && updates.ValueKind == JsonValueKind.True,
                ReadCount(c, "nodesCreated"),
                ReadCount(c, "nodesDeleted"),
                ReadCount(c, "relationshipsCreated"),
                ReadCount(c, "relationshipsDeleted"),
                ReadCount(c, "propertiesSet"),
                ReadCount(c, "labelsAdded"),
                ReadCount(c, "constraintsAdded"))
            : CypherCounters.None;

        return new CypherResult(fields, rows, counters, bookmarks);
    }

    private static long ReadCount(JsonElement counters, string name) =>
        counters.TryGetProperty(name, out var value) && value.TryGetInt64(out var count) ? count : 0;

    private static string? ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string DescribeNonJson(HttpStatusCode status, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).Trim();
        var reason = status switch
        {
            HttpStatusCode.Unauthorized => "authentication failed (check user/password or bearer token)",
            HttpStatusCode.Forbidden => "the user may not run this statement",
            HttpStatusCode.NotFound => "no Query API at this address (Neo4j 5.19 or newer serves /db/{db}/query/v2)",
            _ => $"HTTP {(int)status} {status}",
        };
        return text.Length == 0 ? reason : $"{reason}: {text}";
    }
}
