using System.Globalization;

namespace BehaviorGraph.Synthetic;

/// <summary>
/// An inclusive whole-number range a generator setting is drawn from, once per planted cluster (for example a ring's
/// signup spread in days). Written <c>A</c> or <c>A-B</c>.
/// </summary>
public readonly record struct SyntheticRange(int Min, int Max)
{
    public static SyntheticRange Exactly(int value) => new(value, value);

    /// <summary>Parses <c>A</c> or <c>A-B</c> (whole numbers, A ≤ B); throws <see cref="FormatException"/> with a clear message otherwise.</summary>
    public static SyntheticRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Trim().Split('-');
        if (parts.Length > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int min)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int max))
        {
            throw new FormatException($"'{text}' is not a whole number or a range like 5-60.");
        }

        if (min > max)
        {
            throw new FormatException($"'{text}' is not a range: the lower bound {min} is above the upper bound {max}.");
        }

        return new SyntheticRange(min, max);
    }

    /// <summary>True when both bounds lie in [lowest, highest].</summary>
    public bool Within(int lowest, int highest) => Min >= lowest && Max <= highest && Min <= Max;

    public override string ToString() =>
        Min == Max ? Min.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}
