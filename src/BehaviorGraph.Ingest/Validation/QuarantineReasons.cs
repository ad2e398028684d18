using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Ingest.Validation;

/// <summary>
/// Stable reason codes for quarantined rows. A stored reason reads <c>code: explanation</c>, so rows can be
/// grouped by code and still tell a person exactly what was wrong.
/// </summary>
public static class QuarantineReasons
{
    public const string MissingField = "missing_field";
    public const string InvalidTimestamp = "invalid_timestamp";
    public const string TimestampOutOfRange = "timestamp_out_of_range";
    public const string InvalidType = "invalid_type";
    public const string InvalidValue = "invalid_value";
    public const string ValueOutOfRange = "value_out_of_range";
    public const string IdTooLong = IdentifierRules.IdTooLongCode;
    public const string ControlCharacters = IdentifierRules.ControlCharactersCode;
    public const string BidiControl = IdentifierRules.BidiControlCode;
    public const string InvisibleCharacters = IdentifierRules.InvisibleCharactersCode;

    /// <summary>Bytes that are not UTF-8, a JSON escape of a lone surrogate, or U+FFFD in an id: never replaced, never merged.</summary>
    public const string InvalidEncoding = IdentifierRules.InvalidEncodingCode;
    public const string UnknownTargetKind = "unknown_target_kind";
    public const string MissingTarget = "missing_target";
    public const string UnexpectedTarget = "unexpected_target";
    public const string WrongColumnCount = "wrong_column_count";
    public const string InvalidJson = "invalid_json";

    /// <summary>A CSV line whose quotes do not follow RFC 4180 within the line (a line break always ends a row).</summary>
    public const string InvalidCsv = "invalid_csv";

    /// <summary>A JSON row naming one contract field twice (keys match regardless of ASCII case): ambiguous, so neither is taken.</summary>
    public const string DuplicateField = "duplicate_field";

    /// <summary>A line longer than the row limit; kept as a bounded excerpt with its byte length.</summary>
    public const string RowTooLong = "row_too_long";

    /// <summary>The code part of a stored reason.</summary>
    public static string CodeOf(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? reason : reason[..colon];
    }
}
