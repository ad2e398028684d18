using System.Globalization;
using System.Text.Json;

namespace BehaviorGraph.Neo4j.Client;

/// <summary>
/// One result row in Neo4j's plain JSON: values by field name or position, with typed accessors. Integers
/// arrive as JSON numbers without a fraction, floats with one; strings, booleans, nulls, lists and maps as
/// their JSON counterparts.
/// </summary>
public sealed class CypherRow
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly JsonElement[] _values;

    internal CypherRow(IReadOnlyList<string> fields, IReadOnlyDictionary<string, int> index, JsonElement[] values)
    {
        Fields = fields;
        _index = index;
        _values = values;
    }

    public IReadOnlyList<string> Fields { get; }

    public JsonElement this[int index] => _values[index];

    public JsonElement this[string field] => _values[IndexOf(field)];

    public bool IsNull(string field) => this[field].ValueKind == JsonValueKind.Null;

    public long GetInt64(string field) => GetInt64OrNull(field) ?? throw Missing(field, "an integer");

    public long? GetInt64OrNull(string field)
    {
        var value = this[field];
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            _ => throw WrongType(field, value, "an integer"),
        };
    }

    public double GetDouble(string field) => GetDoubleOrNull(field) ?? throw Missing(field, "a number");

    public double? GetDoubleOrNull(string field)
    {
        var value = this[field];
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when TryParseSpecialDouble(value.GetString(), out var special) => special,
            _ => throw WrongType(field, value, "a number"),
        };
    }

    public string GetString(string field) => GetStringOrNull(field) ?? throw Missing(field, "a string");

    public string? GetStringOrNull(string field)
    {
        var value = this[field];
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw WrongType(field, value, "a string"),
        };
    }

    public bool GetBoolean(string field)
    {
        var value = this[field];
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => throw Missing(field, "a boolean"),
            _ => throw WrongType(field, value, "a boolean"),
        };
    }

    /// <summary>A list of strings; null reads as an empty list.</summary>
    public IReadOnlyList<string> GetStringList(string field)
    {
        var value = this[field];
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(field, value, "a list of strings");
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw WrongType(field, value, "a list of strings"));
        }

        return list;
    }

    /// <summary>
    /// The value as plain .NET: null, string, bool, long (integers), double (floats),
    /// <see cref="List{T}"/> of values, or a string-keyed dictionary of values.
    /// </summary>
    public object? GetValue(string field) => ToClr(this[field]);

    internal static object? ToClr(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => IsIntegerLiteral(value) && value.TryGetInt64(out var integer) ? (object)integer : value.GetDouble(),
        JsonValueKind.Array => value.EnumerateArray().Select(ToClr).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => ToClr(p.Value), StringComparer.Ordinal),
        _ => throw new InvalidDataException($"Unexpected JSON value kind {value.ValueKind} in a Neo4j result."),
    };

    private static bool IsIntegerLiteral(JsonElement number) =>
        number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static bool TryParseSpecialDouble(string? text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "Infinity":
                value = double.PositiveInfinity;
                return true;
            case "-Infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    private int IndexOf(string field) =>
        _index.TryGetValue(field, out var i)
            ? i
            : throw new KeyNotFoundException(
                $"The result has no field '{field}'; its fields are: {string.Join(", ", Fields)}.");

    private static InvalidDataException Missing(string field, string expected) =>
        new($"Field '{field}' is null; expected {expected}.");

    private static InvalidDataException WrongType(string field, JsonElement value, string expected) =>
        new($"Field '{field}' holds {value.ValueKind} ({Truncate(value.GetRawText())}); expected {expected}.");

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
