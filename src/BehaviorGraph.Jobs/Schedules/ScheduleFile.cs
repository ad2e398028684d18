using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cronos;

namespace BehaviorGraph.Jobs.Schedules;

/// <summary>
/// Reads <c>jobs/schedules.json</c>: <c>{ "schedules": [ { "id", "job", "cron", "queue", "arguments": { } } ] }</c>.
/// Every problem is reported with the file and the entry (<c>schedules[2].cron</c>), so a bad file stops start-up
/// with a message ops can act on.
/// </summary>
public static partial class ScheduleFile
{
    public const string DefaultPath = "jobs/schedules.json";

    public static IReadOnlyList<JobSchedule> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScheduleFileException($"Schedule file '{path}' cannot be read: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    public static IReadOnlyList<JobSchedule> Parse(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ScheduleFileException($"Schedule file '{sourceName}' is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schedules", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new ScheduleFileException($"Schedule file '{sourceName}' must be an object with a \"schedules\" array.");
            }

            var schedules = new List<JobSchedule>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                var where = $"Schedule file '{sourceName}', schedules[{index}]";
                var schedule = ParseEntry(entry, where);
                if (!ids.Add(schedule.Id))
                {
                    throw new ScheduleFileException($"{where}: id '{schedule.Id}' is used twice; give each schedule its own \"id\".");
                }

                schedules.Add(schedule);
                index++;
            }

            return schedules;
        }
    }

    /// <summary>Parses standard five-field cron, six fields with seconds, or a macro such as <c>@daily</c>.</summary>
    public static CronExpression ParseCron(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    private static JobSchedule ParseEntry(JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new ScheduleFileException($"{where} must be an object with job, cron, queue and arguments.");
        }

        foreach (var property in entry.EnumerateObject())
        {
            if (property.Name is not ("id" or "job" or "cron" or "queue" or "arguments"))
            {
                throw new ScheduleFileException($"{where}: unknown field \"{property.Name}\" (fields are id, job, cron, queue, arguments).");
            }
        }

        var job = RequiredString(entry, "job", where);
        if (!JobCatalog.IsKnown(job))
        {
            throw new ScheduleFileException($"{where}.job: '{job}' is not a job; jobs are {string.Join(", ", JobNames.All)}.");
        }

        var cron = RequiredString(entry, "cron", where);
        try
        {
            ParseCron(cron);
        }
        catch (CronFormatException ex)
        {
            throw new ScheduleFileException($"{where}.cron: '{cron}' is not a valid cron expression ({ex.Message}).", ex);
        }

        var queue = OptionalString(entry, "queue", where) ?? "default";
        if (!QueueName().IsMatch(queue))
        {
            throw new ScheduleFileException($"{where}.queue: '{queue}' is not a queue name (lower-case letters, digits, '_' and '-' only).");
        }

        var id = OptionalString(entry, "id", where) ?? job;
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entry.TryGetProperty("arguments", out var args) && args.ValueKind != JsonValueKind.Null)
        {
            if (args.ValueKind != JsonValueKind.Object)
            {
                throw new ScheduleFileException($"{where}.arguments must be an object of name → value.");
            }

            foreach (var argument in args.EnumerateObject())
            {
                arguments[argument.Name] = argument.Value.ValueKind switch
                {
                    JsonValueKind.String => argument.Value.GetString()!,
                    JsonValueKind.Number => argument.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => throw new ScheduleFileException($"{where}.arguments.{argument.Name} must be a string, number or boolean."),
                };
            }
        }

        try
        {
            JobCatalog.Validate(job, arguments);
        }
        catch (JobArgumentException ex)
        {
            throw new ScheduleFileException($"{where}.arguments: {ex.Message}", ex);
        }

        return new JobSchedule(id, job, cron, queue, arguments);
    }

    private static string RequiredString(JsonElement entry, string name, string where) =>
        OptionalString(entry, name, where) ?? throw new ScheduleFileException($"{where} has no \"{name}\".");

    private static string? OptionalString(JsonElement entry, string name, string where)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new ScheduleFileException($"{where}.{name} must be a non-empty string.");
        }

        return value.GetString()!.Trim();
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex QueueName();
}
