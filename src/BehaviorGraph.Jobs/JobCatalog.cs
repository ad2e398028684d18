using System.Globalization;

namespace BehaviorGraph.Jobs;

/// <summary>
/// Which arguments each job accepts and how they are checked. Arguments travel as invariant strings, so a schedule
/// file, a trigger request and the Hangfire job record all carry the same values.
/// </summary>
public static class JobCatalog
{
    private static readonly Dictionary<string, Dictionary<string, Func<string, string?>>> Arguments = new(StringComparer.Ordinal)
    {
        [JobNames.Ingest] = new(StringComparer.Ordinal)
        {
            ["inbox"] = v => string.IsNullOrWhiteSpace(v) ? "must name a folder" : null,
        },
        [JobNames.Analyze] = new(StringComparer.Ordinal)
        {
            ["full"] = v => v is "true" or "false" ? null : "must be true or false",
        },
        [JobNames.Train] = new(StringComparer.Ordinal)
        {
            ["trainer"] = v => v is "fasttree" or "lightgbm" ? null : "must be fasttree or lightgbm",
            ["folds"] = v => IntBetween(v, 2, 100),
            ["minLabels"] = v => IntBetween(v, 2, 1_000_000),
            ["force"] = v => v is "true" or "false" ? null : "must be true or false",
            ["minAuc"] = v => ProbabilityOf(v),
            ["auprcTolerance"] = v => ProbabilityOf(v),
        },
        [JobNames.Score] = new(StringComparer.Ordinal)
        {
            ["reasons"] = v => IntBetween(v, 0, 10),
            ["review"] = v => ProbabilityOf(v),
            ["block"] = v => ProbabilityOf(v),
        },
        [JobNames.GraphSync] = new(StringComparer.Ordinal),
    };

    public static bool IsKnown(string job) => Arguments.ContainsKey(job);

    /// <summary>The argument names <paramref name="job"/> accepts.</summary>
    public static IReadOnlyCollection<string> ArgumentsOf(string job) =>
        Arguments.TryGetValue(job, out var accepted) ? accepted.Keys : throw new JobArgumentException(UnknownJob(job));

    /// <summary>Throws <see cref="JobArgumentException"/> naming the first unknown job, unknown argument or bad value.</summary>
    public static void Validate(string job, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!Arguments.TryGetValue(job, out var accepted))
        {
            throw new JobArgumentException(UnknownJob(job));
        }

        foreach (var (name, value) in arguments)
        {
            if (!accepted.TryGetValue(name, out var check))
            {
                var names = accepted.Count == 0 ? "none" : string.Join(", ", accepted.Keys);
                throw new JobArgumentException($"Job '{job}' has no argument '{name}' (it accepts: {names}).");
            }

            if (check(value) is { } problem)
            {
                throw new JobArgumentException($"Argument '{name}' of job '{job}' {problem}; got '{value}'.");
            }
        }

        if (job == JobNames.Score && arguments.TryGetValue("review", out var review) && arguments.TryGetValue("block", out var block)
            && double.Parse(block, CultureInfo.InvariantCulture) < double.Parse(review, CultureInfo.InvariantCulture))
        {
            throw new JobArgumentException($"Job 'score': block ({block}) must not be below review ({review}).");
        }
    }

    private static string UnknownJob(string job) => $"Job '{job}' is unknown; jobs are {string.Join(", ", JobNames.All)}.";

    private static string? IntBetween(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? null
            : $"must be an integer from {min} to {max}";

    private static string? ProbabilityOf(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1
            ? null
            : "must be a probability in [0, 1]";
}
