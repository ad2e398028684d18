using System.Text;
using static BehaviorGraph.Ingest.Validation.QuarantineReasons;

namespace BehaviorGraph.Ingest.Tests.Properties;

/// <summary>What a damage needs: the good row it spoils, the CSV column order, randomness and the row limit in force.</summary>
internal sealed record DamageInput(GoodEvent Good, string[] Columns, Random Rng, int Limit);

/// <summary>
/// One kind of damage: it turns a good row into one or more lines (joined by <c>\n</c>) that must each be quarantined
/// with one of <see cref="Codes"/>; null when it does not apply to that row.
/// </summary>
internal sealed record Damage(string Name, Func<DamageInput, byte[]?> Apply, params string[] Codes)
{
    public override string ToString() => Name;
}

/// <summary>The catalogue of damage, per format: field values no event may hold, and broken syntax, bytes and sizes.</summary>
internal static class Damages
{
    private static readonly (string Name, string Char, string Code)[] BadCharacters =
    [
        ("nul", "\0", ControlCharacters), ("escape", "\u001B", ControlCharacters), ("delete", "\u007F", ControlCharacters),
        ("next_line", "\u0085", ControlCharacters), ("bare_cr", "\r", ControlCharacters), ("tab", "\t", ControlCharacters),
        ("zero_width_space", "\u200B", InvisibleCharacters), ("zero_width_joiner", "\u200D", InvisibleCharacters),
        ("bom_in_field", "\uFEFF", InvisibleCharacters), ("soft_hyphen", "\u00AD", InvisibleCharacters),
        ("word_joiner", "\u2060", InvisibleCharacters), ("tag_a", "\U000E0041", InvisibleCharacters),
        ("no_break_space", "\u00A0", InvisibleCharacters), ("line_separator", "\u2028", InvisibleCharacters),
        ("ideographic_space", "\u3000", InvisibleCharacters), ("hangul_filler", "\u3164", InvisibleCharacters),
        ("variation_selector", "\uFE0F", InvisibleCharacters), ("grapheme_joiner", "\u034F", InvisibleCharacters),
        ("rtl_override", "\u202E", BidiControl), ("rtl_isolate", "\u2067", BidiControl), ("rtl_mark", "\u200F", BidiControl),
        ("arabic_letter_mark", "\u061C", BidiControl), ("replacement_character", "\uFFFD", InvalidEncoding),
    ];

    public static readonly Damage[] Csv = [.. FieldDamages(csv: true), .. ByteDamages(csv: true), .. CsvSyntax()];

    public static readonly Damage[] Json = [.. FieldDamages(csv: false), .. ByteDamages(csv: false), .. JsonSyntax()];

    /// <summary>Values no event may hold, written in the format's ordinary way (so the damage is in the meaning, not the syntax).</summary>
    private static IEnumerable<Damage> FieldDamages(bool csv)
    {
        Damage Field(string name, string field, string? text, params string[] codes) =>
            new(name, d => Render(csv, d, f => f[field] = text), codes);

        yield return Field("ts_month_13", "ts", "2024-13-01T00:00:00Z", InvalidTimestamp);
        yield return Field("ts_without_offset", "ts", "2024-01-01T00:00:00", InvalidTimestamp);
        yield return Field("ts_year_2200", "ts", "2200-01-01T00:00:00Z", TimestampOutOfRange);
        yield return Field("ts_epoch_huge", "ts", "99999999999", TimestampOutOfRange);
        yield return Field("ts_epoch_negative", "ts", "-5", TimestampOutOfRange);
        yield return Field("ts_nan", "ts", "NaN", InvalidTimestamp);
        yield return Field("ts_empty", "ts", null, MissingField);
        yield return Field("ts_arabic_digits", "ts", "١٧٠٤٠٦٧٢٠٠", InvalidTimestamp);
        yield return Field("ts_feb_30", "ts", "2024-02-30T00:00:00Z", InvalidTimestamp);
        yield return Field("type_with_space", "type", "fo llow", InvalidType);
        yield return Field("type_empty", "type", null, MissingField);
        yield return Field("type_too_long", "type", new string('t', 65), InvalidType);
        yield return Field("type_cyrillic_o", "type", "f\u043Ellow", InvalidType);
        yield return Field("actor_empty", "actor", null, MissingField);
        yield return Field("actor_257_chars", "actor", new string('a', 257), IdTooLong);
        foreach (var (name, c, code) in BadCharacters)
        {
            yield return Field("actor_" + name, "actor", "ac" + c + "tor", code);
        }

        yield return Field("actor_leading_nbsp", "actor", "\u00A0actor", InvisibleCharacters);
        yield return Field("actor_lone_surrogate", "actor", "a\uD800b", InvalidEncoding);
        yield return Field("device_bidi_isolate", "device", "d\u20661", BidiControl);
        yield return Field("ip_zero_width", "ip", "10.0.0.1\u200B", InvisibleCharacters);
        yield return Field("event_id_bom_inside", "event_id", "e\uFEFF1", InvisibleCharacters);
        yield return Field("target_257_chars", "target", new string('t', 257), IdTooLong);
        yield return new("target_missing", d => EventTypesRequiringTarget(d) ? Render(csv, d, f => f["target"] = null) : null, MissingTarget);
        yield return new("target_for_login", d => Render(csv, d, f => { f["type"] = "login"; f["target"] = "someone"; }), UnexpectedTarget);
        yield return new("target_kind_unknown", d => d.Good.Expected.Target is null ? null : Render(csv, d, f => f["target_kind"] = "thing"), UnknownTargetKind);
        yield return Field("value_text", "value", "abc", InvalidValue);
        yield return Field("value_1e308", "value", "1e308", ValueOutOfRange);
        yield return Field("value_1e400", "value", "1e400", InvalidValue);
        yield return Field("value_nan", "value", "NaN", InvalidValue);
        yield return Field("value_minus_infinity", "value", "-Infinity", InvalidValue);
        yield return Field("value_hex", "value", "0x1A", InvalidValue);
        yield return Field("value_just_over_bound", "value", "1000000000.5", ValueOutOfRange);
        yield return new("rate_without_value", d => Render(csv, d, f => { f["type"] = "rate"; f["target"] ??= "t1"; f["value"] = null; }), MissingField);
        yield return new("rate_out_of_range", d => Render(csv, d, f => { f["type"] = "rate"; f["target"] ??= "t1"; f["value"] = "10.5"; }), ValueOutOfRange);
    }

    /// <summary>Bytes that are not UTF-8, put inside the actor's value.</summary>
    private static IEnumerable<Damage> ByteDamages(bool csv)
    {
        var sequences = new (string Name, byte[] Bytes)[]
        {
            ("byte_ff", [0xFF]), ("byte_fe_ff", [0xFE, 0xFF]), ("overlong_slash", [0xC0, 0xAF]), ("truncated_3_byte", [0xE2, 0x82]),
            ("utf8_surrogate", [0xED, 0xA0, 0x80]), ("five_byte_form", [0xF8, 0x88, 0x80, 0x80, 0x80]), ("lone_continuation", [0x80]),
            ("beyond_10ffff", [0xF4, 0x90, 0x80, 0x80]), ("overlong_3_byte", [0xE0, 0x80, 0x80]), ("latin1_e_acute", [0xE9]),
        };
        foreach (var (name, bytes) in sequences)
        {
            yield return new("bytes_" + name, d =>
            {
                byte[] actor = [.. "ac"u8, .. bytes, .. "tor"u8];
                if (csv)
                {
                    const string marker = "QQMARKQQ";
                    var line = Render(csv, d, f => f["actor"] = marker)!;
                    var at = line.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker));
                    return [.. line[..at], .. actor, .. line[(at + marker.Length)..]];
                }

                var members = Rendering.JsonMembers(d.Rng, Without(d.Good.Fields, "actor")).Select(Encoding.UTF8.GetBytes).ToList();
                members.Insert(d.Rng.Next(members.Count + 1), [.. "\"actor\":\""u8, .. actor, .. "\""u8]);
                return [(byte)'{', .. members.SelectMany((m, i) => i == 0 ? m : [(byte)',', .. m]), (byte)'}'];
            }, InvalidEncoding);
        }
    }

    private static IEnumerable<Damage> CsvSyntax()
    {
        Damage Cell(string name, Func<Random, string> cell, params string[] codes) => new(name, d =>
        {
            var cells = Rendering.CsvCells(d.Rng, d.Good.Fields, d.Columns);
            cells[d.Rng.Next(cells.Length)] = cell(d.Rng);
            return Rendering.Utf8(string.Join(',', cells));
        }, codes);

        yield return Cell("csv_unclosed_quote", _ => "\"open", InvalidCsv, WrongColumnCount);
        yield return Cell("csv_stray_quote", _ => "ab\"cd", InvalidCsv);
        yield return Cell("csv_text_after_quote", _ => "\"ab\"cd", InvalidCsv);
        yield return Cell("csv_lone_quote", _ => "\"", InvalidCsv, WrongColumnCount);
        yield return Cell("csv_bad_doubling", _ => "\"ab\"\"", InvalidCsv, WrongColumnCount);
        yield return Cell("csv_space_before_quote", _ => " \"ab\"", InvalidCsv);
        yield return Cell("csv_line_break_in_quotes", _ => "\"a\nb\"", InvalidCsv);
        yield return new("csv_too_few_columns", d =>
        {
            var cells = Rendering.CsvCells(d.Rng, d.Good.Fields, d.Columns).ToList();
            cells.RemoveAt(d.Rng.Next(cells.Count));
            return Rendering.Utf8(string.Join(',', cells));
        }, WrongColumnCount);
        yield return new("csv_too_many_columns", d =>
        {
            var cells = Rendering.CsvCells(d.Rng, d.Good.Fields, d.Columns).ToList();
            cells.Insert(d.Rng.Next(cells.Count + 1), "extra");
            return Rendering.Utf8(string.Join(',', cells));
        }, WrongColumnCount);
        yield return new("csv_truncated", d =>
        {
            var cells = Rendering.CsvCells(d.Rng, d.Good.Fields, d.Columns);
            var line = Rendering.Utf8(string.Join(',', cells));
            var lastSeparator = Encoding.UTF8.GetByteCount(string.Join(',', cells[..^1]));
            var kept = line[..(1 + d.Rng.Next(lastSeparator))];
            return kept.All(b => b is (byte)' ' or (byte)'\t') ? null : kept;
        }, WrongColumnCount, InvalidCsv, InvalidEncoding);
        yield return new("csv_bom_at_line_start", d =>
        {
            var first = d.Columns[0];
            if (first == GoodEvents.Note || (first == "target_kind" && d.Good.Expected.Target is null))
            {
                return null;
            }

            return [0xEF, 0xBB, 0xBF, .. Render(true, d, _ => { })!];
        }, InvisibleCharacters, InvalidTimestamp, InvalidType, InvalidValue, UnexpectedTarget, UnknownTargetKind, InvalidCsv, IdTooLong);
        yield return new("csv_header_repeated", d => Rendering.Utf8(string.Join(',', d.Columns)), InvalidTimestamp);
        yield return new("csv_as_utf16", d => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Render(true, d, _ => { })!)), InvalidEncoding, InvalidType, InvalidCsv);
        yield return new("csv_only_commas", d => Rendering.Utf8(new string(',', d.Columns.Length - 1)), MissingField);
        yield return new("csv_oversized", d => Render(true, d, f => f[GoodEvents.Note] = new string('x', d.Limit + d.Rng.Next(1, 3 * d.Limit))), RowTooLong);
        yield return new("csv_one_byte_over_limit", d => PadTo(true, d, d.Limit + 1), RowTooLong);
    }

    private static IEnumerable<Damage> JsonSyntax()
    {
        Damage Line(string name, Func<string, Random, string?> change, params string[] codes) =>
            new(name, d => Render(false, d, _ => { }) is { } line && change(Encoding.UTF8.GetString(line), d.Rng) is { } changed ? Rendering.Utf8(changed) : null, codes);

        Damage Actor(string name, string rawJsonValue, params string[] codes) => new(name, d =>
        {
            var members = Rendering.JsonMembers(d.Rng, Without(d.Good.Fields, "actor"));
            members.Insert(d.Rng.Next(members.Count + 1), Rendering.JsonKey(d.Rng, "actor") + ":" + rawJsonValue);
            return Rendering.Utf8(Rendering.JsonLine(d.Rng, members));
        }, codes);

        yield return new("json_truncated", d =>
        {
            var line = Render(false, d, _ => { })!;
            var close = Array.LastIndexOf(line, (byte)'}');
            var kept = line[..(1 + d.Rng.Next(close))];
            return kept;
        }, InvalidJson, InvalidEncoding);
        yield return Line("json_trailing_garbage", (l, _) => l + " x", InvalidJson);
        yield return Line("json_two_objects", (l, _) => l + "{}", InvalidJson);
        yield return Line("json_array", (l, _) => "[" + l + "]", InvalidJson);
        yield return Line("json_string_line", (_, _) => "\"just text\"", InvalidJson);
        yield return Line("json_number_line", (_, _) => "42", InvalidJson);
        yield return Line("json_bom_at_line_start", (l, _) => "\uFEFF" + l, InvalidJson);
        yield return Line("json_single_quotes", (l, _) => "{'ts':" + l[1..], InvalidJson);
        yield return Line("json_trailing_comma", (l, _) => l[..l.LastIndexOf('}')] + ",}", InvalidJson);
        yield return Line("json_comment", (l, _) => l + " // note", InvalidJson);
        yield return Line("json_unclosed_string", (l, _) => l.Remove(l.LastIndexOf('"'), 1), InvalidJson);
        yield return Line("json_deep_nesting", (l, _) => "{\"deep\":" + new string('[', 100) + new string(']', 100) + "," + l[1..], InvalidJson);
        yield return Line("json_nan_literal", (l, _) => "{\"value\":NaN," + l[1..], InvalidJson);
        yield return Line("json_raw_tab_in_string", (l, _) => "{\"note\":\"a\tb\"," + l[1..], InvalidJson);
        yield return Line("json_raw_nul_in_string", (l, _) => "{\"note\":\"a\0b\"," + l[1..], InvalidJson);
        yield return Line("json_invalid_escape", (l, _) => "{\"note\":\"\\x41\"," + l[1..], InvalidJson);
        yield return Actor("json_lone_high_surrogate", "\"a\\ud800b\"", InvalidEncoding);
        yield return Actor("json_lone_low_surrogate", "\"a\\uDC00\"", InvalidEncoding);
        yield return Actor("json_high_then_letter", "\"\\ud800\\u0041\"", InvalidEncoding);
        yield return Actor("json_reversed_pair", "\"\\udc00\\ud800\"", InvalidEncoding);
        yield return Actor("json_high_at_end", "\"abc\\uD83D\"", InvalidEncoding);
        yield return Actor("json_escaped_nul", "\"a\\u0000b\"", ControlCharacters);
        yield return Actor("json_escaped_rtl_override", "\"a\\u202Eb\"", BidiControl);
        yield return Actor("json_escaped_zero_width", "\"a\\u200bb\"", InvisibleCharacters);
        yield return Actor("json_object_as_actor", "{\"id\":\"a1\"}", InvalidJson);
        yield return Actor("json_array_as_actor", "[\"a1\"]", InvalidJson);
        yield return Actor("json_boolean_as_actor", "true", InvalidJson);
        yield return Actor("json_raw_line_break", "\"a\nb\"", InvalidJson);
        yield return new("json_duplicate_key", d =>
        {
            var members = Rendering.JsonMembers(d.Rng, d.Good.Fields);
            members.Insert(d.Rng.Next(members.Count + 1), "\"actor\":\"other\"");
            return d.Good.Fields["actor"] is null ? null : Rendering.Utf8(Rendering.JsonLine(d.Rng, members));
        }, DuplicateField);
        yield return new("json_duplicate_key_other_case", d =>
        {
            var members = Rendering.JsonMembers(d.Rng, Without(d.Good.Fields, "ts"));
            members.Insert(0, "\"ts\":\"2024-01-01T00:00:00Z\"");
            members.Insert(d.Rng.Next(1, members.Count + 1), "\"TS\":\"2024-01-01T00:00:00Z\"");
            return Rendering.Utf8(Rendering.JsonLine(d.Rng, members));
        }, DuplicateField);
        yield return new("json_duplicate_null_key", d =>
        {
            var members = Rendering.JsonMembers(d.Rng, d.Good.Fields);
            members.Add("\"Device\":null");
            members.Add("\"device\":null");
            return d.Good.Fields["device"] is not null ? null : Rendering.Utf8(Rendering.JsonLine(d.Rng, members));
        }, DuplicateField);
        yield return new("json_oversized", d => Render(false, d, f => f[GoodEvents.Note] = new string('x', d.Limit + d.Rng.Next(1, 3 * d.Limit))), RowTooLong);
        yield return new("json_one_byte_over_limit", d => PadTo(false, d, d.Limit + 1), RowTooLong);
    }

    /// <summary>The good row written in the format, after <paramref name="change"/> is applied to a copy of its fields.</summary>
    public static byte[]? Render(bool csv, DamageInput d, Action<Dictionary<string, string?>> change)
    {
        var fields = new Dictionary<string, string?>(d.Good.Fields, StringComparer.Ordinal);
        change(fields);
        return Rendering.Utf8(csv
            ? string.Join(',', Rendering.CsvCells(d.Rng, fields, d.Columns))
            : Rendering.JsonLine(d.Rng, Rendering.JsonMembers(d.Rng, fields)));
    }

    /// <summary>The good row with its note padded so the line is exactly <paramref name="bytes"/> long; null if it already is longer.</summary>
    public static byte[]? PadTo(bool csv, DamageInput d, int bytes)
    {
        var fields = new Dictionary<string, string?>(d.Good.Fields, StringComparer.Ordinal);
        fields.Remove(GoodEvents.Note);
        string before, after;
        if (csv)
        {
            var cells = Rendering.CsvCells(d.Rng, fields, d.Columns);
            var note = Array.IndexOf(d.Columns, GoodEvents.Note);
            before = string.Join(',', cells[..note]) + (note > 0 ? "," : "");
            after = (note < cells.Length - 1 ? "," : "") + string.Join(',', cells[(note + 1)..]);
        }
        else
        {
            var members = Rendering.JsonMembers(d.Rng, fields);
            before = "{\"note\":\"";
            after = "\"" + string.Concat(members.Select(m => "," + m)) + "}";
        }

        var pad = bytes - Encoding.UTF8.GetByteCount(before) - Encoding.UTF8.GetByteCount(after);
        return pad < 0 ? null : Rendering.Utf8(before + new string('p', pad) + after);
    }

    private static bool EventTypesRequiringTarget(DamageInput d) => Core.Events.EventTypes.RequiresTarget(d.Good.Expected.Type);

    private static Dictionary<string, string?> Without(Dictionary<string, string?> fields, string key)
    {
        var copy = new Dictionary<string, string?>(fields, StringComparer.Ordinal);
        copy.Remove(key);
        return copy;
    }
}
