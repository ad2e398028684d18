using System.Globalization;
using BehaviorGraph.Core.Events;

namespace BehaviorGraph.Ingest.Validation;

/// <summary>
/// Turns a row's raw fields into an <see cref="InteractionEvent"/>, or says in one line why it cannot.
/// </summary>
internal static class EventRowValidator
{
    public const int MaxIdLength = IdentifierRules.MaxLength;
    public const int MaxTypeLength = 64;
    public const double MinRating = -10;
    public const double MaxRating = 10;

    /// <summary>
    /// Largest magnitude of <c>value</c> for every type (ratings have their own, narrower range). A billion holds
    /// any count, amount or score a platform sends, and keeps an edge's value sum finite and exact to well below
    /// one unit for as many events as a store can hold (1e308 summed twice would be infinite).
    /// </summary>
    public const double MaxAbsValue = 1e9;

    /// <summary>
    /// What is trimmed around a field: ASCII spaces and tabs only. Any other whitespace (no-break space, U+2028, ...)
    /// is kept, so the id rules see it and an id with it is quarantined instead of silently merged with one without.
    /// </summary>
    private const string Padding = " \t";

    public static InteractionEvent? Validate(scoped in EventFields f, out string? reason)
    {
        var typeText = f.Type.Trim(Padding);
        if (typeText.IsEmpty)
        {
            reason = $"{QuarantineReasons.MissingField}: required field 'type' is empty";
            return null;
        }

        if (typeText.Length > MaxTypeLength || !IsTypeToken(typeText))
        {
            reason = $"{QuarantineReasons.InvalidType}: type '{Shorten(typeText)}' must be 1-{MaxTypeLength} letters, digits, '_', '-' or '.'";
            return null;
        }

        var type = EventTypeNames.Normalize(typeText);

        if (!TryId(f.Actor, "actor", required: true, out var actor, out reason))
        {
            return null;
        }

        var ts = f.Ts.Trim(Padding);
        if (ts.IsEmpty)
        {
            reason = $"{QuarantineReasons.MissingField}: required field 'ts' is empty";
            return null;
        }

        if (!TimestampParser.TryParse(ts, out var timestampMs, out reason))
        {
            return null;
        }

        if (!TryId(f.Target, "target", required: false, out var target, out reason))
        {
            return null;
        }

        var targetKind = TargetKind.None;
        if (target is null)
        {
            if (EventTypes.RequiresTarget(type))
            {
                reason = $"{QuarantineReasons.MissingTarget}: type '{type}' requires a target";
                return null;
            }
        }
        else
        {
            if (EventTypes.IsTargetless(type))
            {
                reason = $"{QuarantineReasons.UnexpectedTarget}: type '{type}' takes no target, got '{Shorten(target)}'";
                return null;
            }

            if (!TryTargetKind(f.TargetKind.Trim(Padding), type, out targetKind, out reason))
            {
                return null;
            }
        }

        if (!TryValue(f.Value.Trim(Padding), type, out var value, out reason)
            || !TryId(f.Device, "device", required: false, out var device, out reason)
            || !TryId(f.Ip, "ip", required: false, out var ip, out reason)
            || !TryId(f.EventId, "event_id", required: false, out var eventId, out reason))
        {
            return null;
        }

        eventId ??= EventIdFactory.Derive(timestampMs, type, actor!, target, targetKind, value, device, ip);
        reason = null;
        return new InteractionEvent(eventId, timestampMs, type, actor!, target, targetKind, value, device, ip);
    }

    private static bool TryId(ReadOnlySpan<char> raw, string field, bool required, out string? id, out string? reason)
    {
        var text = raw.Trim(Padding);
        id = null;
        if (text.IsEmpty)
        {
            reason = required ? $"{QuarantineReasons.MissingField}: required field '{field}' is empty" : null;
            return !required;
        }

        reason = IdentifierRules.Violation(text, field);
        if (reason is not null)
        {
            return false;
        }

        id = text.ToString();
        reason = null;
        return true;
    }

    private static bool TryTargetKind(ReadOnlySpan<char> text, string type, out TargetKind kind, out string? reason)
    {
        reason = null;
        if (text.IsEmpty)
        {
            kind = EventTypes.DefaultTargetKind(type);
            return true;
        }

        if (text.Equals("account", StringComparison.OrdinalIgnoreCase))
        {
            kind = TargetKind.Account;
            return true;
        }

        if (text.Equals("content", StringComparison.OrdinalIgnoreCase))
        {
            kind = TargetKind.Content;
            return true;
        }

        kind = TargetKind.None;
        reason = $"{QuarantineReasons.UnknownTargetKind}: target_kind '{Shorten(text)}' is neither 'account' nor 'content'";
        return false;
    }

    private static bool TryValue(ReadOnlySpan<char> text, string type, out double? value, out string? reason)
    {
        value = null;
        reason = null;
        if (text.IsEmpty)
        {
            if (type == EventTypes.Rate)
            {
                reason = $"{QuarantineReasons.MissingField}: type 'rate' requires a value in {MinRating}..{MaxRating}";
                return false;
            }

            return true;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            reason = $"{QuarantineReasons.InvalidValue}: value '{Shorten(text)}' is not a finite number";
            return false;
        }

        if (type == EventTypes.Rate && number is < MinRating or > MaxRating)
        {
            reason = $"{QuarantineReasons.ValueOutOfRange}: rating {number.ToString(CultureInfo.InvariantCulture)} is outside {MinRating}..{MaxRating}";
            return false;
        }

        if (Math.Abs(number) > MaxAbsValue)
        {
            reason = $"{QuarantineReasons.ValueOutOfRange}: value {number.ToString(CultureInfo.InvariantCulture)} is outside -1e9..1e9";
            return false;
        }

        value = number;
        return true;
    }

    private static bool IsTypeToken(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(ReadOnlySpan<char> text) => DisplayText.Of(text);
}
