namespace BehaviorGraph.Hosting.Settings;

/// <summary>
/// The checks of one options section, each failure a sentence naming the setting by its configuration path
/// (<c>BehaviorGraph:Service:RateLimitPerSecond must be at least 1; got -5.</c>).
/// </summary>
public sealed class SettingRules(string section)
{
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>The configuration path of <paramref name="key"/> (relative to the section, ':'-separated).</summary>
    public string PathOf(string key) => $"{section}:{key}";

    public void AtLeast(string key, long value, long minimum)
    {
        if (value < minimum)
        {
            Fail($"{PathOf(key)} must be at least {minimum}; got {value}.");
        }
    }

    public void Between(string key, long value, long minimum, long maximum)
    {
        if (value < minimum || value > maximum)
        {
            Fail($"{PathOf(key)} must be from {minimum} to {maximum}; got {value}.");
        }
    }

    public void Between(string key, double value, double minimum, double maximum)
    {
        if (double.IsNaN(value) || value < minimum || value > maximum)
        {
            Fail($"{PathOf(key)} must be from {minimum} to {maximum}; got {value}.");
        }
    }

    public void Positive(string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            Fail($"{PathOf(key)} must be a positive duration (hh:mm:ss); got {value}.");
        }
    }

    public void NotEmpty(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail($"{PathOf(key)} must not be empty.");
        }
    }

    /// <summary>Records <paramref name="failure"/> unless <paramref name="holds"/>.</summary>
    public void Require(bool holds, string failure)
    {
        if (!holds)
        {
            Fail(failure);
        }
    }

    public void Fail(string failure) => _failures.Add(failure);
}
