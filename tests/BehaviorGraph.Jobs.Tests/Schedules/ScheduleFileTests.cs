using BehaviorGraph.Jobs;
using BehaviorGraph.Jobs.Schedules;

namespace BehaviorGraph.Jobs.Tests.Schedules;

public sealed class ScheduleFileTests
{
    [Fact]
    public void ShippedScheduleFile_Parses()
    {
        var path = Path.Combine(RepositoryRoot(), "jobs", "schedules.json");
        var schedules = ScheduleFile.Load(path);

        Assert.Equal(["ingest-inbox", "analyze-hourly", "analyze-nightly-full", "train-nightly"], schedules.Select(s => s.Id));
        Assert.All(schedules, s => Assert.Contains(s.Job, JobNames.All));
        Assert.False(Arguments.AnalyzeJobArguments.From(schedules.Single(s => s.Id == "analyze-hourly").Arguments).Full);
        Assert.True(Arguments.AnalyzeJobArguments.From(schedules.Single(s => s.Id == "analyze-nightly-full").Arguments).Full);
    }

    [Fact]
    public void Entry_IsRead_WithDefaultsAndInvariantArguments()
    {
        var schedules = ScheduleFile.Parse(
            """
            { "schedules": [
                { "job": "train", "cron": "30 2 * * *", "arguments": { "folds": 5, "trainer": "lightgbm", "force": true } },
                { "id": "score-often", "job": "score", "cron": "*/10 * * * * *", "queue": "fast_lane" }
            ] }
            """,
            "test.json");

        Assert.Equal(new JobSchedule("train", "train", "30 2 * * *", "default", schedules[0].Arguments), schedules[0]);
        Assert.Equal(new Dictionary<string, string> { ["folds"] = "5", ["trainer"] = "lightgbm", ["force"] = "true" }, schedules[0].Arguments);
        Assert.Equal(("score-often", "fast_lane"), (schedules[1].Id, schedules[1].Queue));
    }

    [Theory]
    [InlineData("{", "is not valid JSON")]
    [InlineData("""[]""", "must be an object with a \"schedules\" array")]
    [InlineData("""{ "schedules": [ 5 ] }""", "schedules[0] must be an object")]
    [InlineData("""{ "schedules": [ { "cron": "* * * * *" } ] }""", "schedules[0] has no \"job\"")]
    [InlineData("""{ "schedules": [ { "job": "reboot", "cron": "* * * * *" } ] }""", "schedules[0].job: 'reboot' is not a job")]
    [InlineData("""{ "schedules": [ { "job": "ingest" } ] }""", "schedules[0] has no \"cron\"")]
    [InlineData("""{ "schedules": [ { "job": "ingest", "cron": "61 * * * *" } ] }""", "schedules[0].cron: '61 * * * *' is not a valid cron expression")]
    [InlineData("""{ "schedules": [ { "job": "ingest", "cron": "@daily", "queue": "Fast Lane" } ] }""", "schedules[0].queue: 'Fast Lane' is not a queue name")]
    [InlineData("""{ "schedules": [ { "job": "ingest", "cron": "@daily", "when": "now" } ] }""", "schedules[0]: unknown field \"when\"")]
    [InlineData("""{ "schedules": [ { "job": "ingest", "cron": "@daily", "arguments": { "folds": 3 } } ] }""", "schedules[0].arguments: Job 'ingest' has no argument 'folds'")]
    [InlineData("""{ "schedules": [ { "job": "train", "cron": "@daily", "arguments": { "folds": 1 } } ] }""", "Argument 'folds' of job 'train' must be an integer from 2 to 100; got '1'")]
    [InlineData("""{ "schedules": [ { "job": "score", "cron": "@daily", "arguments": { "review": 0.9, "block": 0.5 } } ] }""", "block (0.5) must not be below review (0.9)")]
    [InlineData("""{ "schedules": [ { "job": "score", "cron": "@daily", "arguments": { "reasons": [1] } } ] }""", "schedules[0].arguments.reasons must be a string, number or boolean")]
    [InlineData("""{ "schedules": [ { "job": "score", "cron": "@daily" }, { "job": "score", "cron": "@hourly" } ] }""", "schedules[1]: id 'score' is used twice")]
    public void InvalidFile_IsRejected_WithAMessageNamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<ScheduleFileException>(() => ScheduleFile.Parse(json, "jobs/schedules.json"));
        Assert.Contains("jobs/schedules.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsRejected_NamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "schedules.json");
        var error = Assert.Throws<ScheduleFileException>(() => ScheduleFile.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BehaviorGraph.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("BehaviorGraph.sln not found above the test directory.");
    }
}
