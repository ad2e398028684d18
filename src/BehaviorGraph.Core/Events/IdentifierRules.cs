namespace BehaviorGraph.Core.Events;

/// <summary>
/// What every identifier (account, content, device, IP, event id) must be, wherever it enters: an event file, the
/// events endpoint or a label. One rule set, so an id accepted in one place is accepted in all.
/// </summary>
public static class IdentifierRules
{
    public const int MaxLength = 256;

    public const string IdTooLongCode = "id_too_long";
    public const string ControlCharactersCode = "control_characters";

    /// <summary>
    /// Null when <paramref name="id"/> (already trimmed, not empty) is acceptable; otherwise the reason as
    /// <c>code: explanation</c>, naming <paramref name="field"/>.
    /// </summary>
    public static string? Violation(ReadOnlySpan<char> id, string field)
    {
        if (id.Length > MaxLength)
        {
            return $"{IdTooLongCode}: {field} is {id.Length} characters, the limit is {MaxLength}";
        }

        foreach (var c in id)
        {
            if (char.IsControl(c))
            {
                return $"{ControlCharactersCode}: {field} contains control character U+{(int)c:X4}";
            }
        }

        return null;
    }
}
