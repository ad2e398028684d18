using System.Text.Json;
using BehaviorGraph.Cli.Tests.Support;
using BehaviorGraph.Core.Features;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BehaviorGraph.Cli.Tests.Scoring;

/// <summary>
/// The whole chain with the real catalogues (generate, ingest, analyze, train, score): every reason a scored account
/// carries names a feature of the vocabulary, with that feature's own code and sentence, never a generic code.
/// </summary>
public sealed class ReasonVocabularyTests
{
    [Fact]
    public async Task ScoredReasons_NameRealFeatures_WithTheirOwnCodes()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "generate", "--out", "syn", "--accounts", "1000", "--seed", "5", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "ingest", "syn/events.csv", "--store", "sqlite:./s.db", "--json")).ExitCode);
        Assert.Equal(0, (await Bgraph.RunAsync(dir.Path, "analyze", "--store", "sqlite:./s.db", "--json")).ExitCode);
        var train = await Bgraph.RunAsync(dir.Path, "train", "--labels", "syn/labels.csv", "--folds", "2", "--min-labels", "2", "--min-auc", "0", "--store", "sqlite:./s.db");
        Assert.True(train.ExitCode == 0, train.Stderr);
        var score = await Bgraph.RunAsync(dir.Path, "score", "--store", "sqlite:./s.db");
        Assert.True(score.ExitCode == 0, score.Stderr);

        var reasons = await ReadReasonsAsync(dir.File("s.db"));

        Assert.NotEmpty(reasons);
        Assert.All(reasons, r =>
        {
            var feature = AccountFeatures.Find(r.Feature);
            Assert.True(feature is not null, $"reason {r.Code} names '{r.Feature}', which is not in the vocabulary");
            Assert.Equal(feature.ReasonCode, r.Code);
            Assert.DoesNotContain("{value", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(" = ", r.Text, StringComparison.Ordinal);
        });
    }

    private static async Task<List<(string Code, string Feature, string Text)>> ReadReasonsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        var rows = await connection.QueryAsync<string>("SELECT reasons FROM scores WHERE reasons <> '[]'");
        var reasons = new List<(string, string, string)>();
        foreach (var json in rows)
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                reasons.Add((Text(item, "code"), Text(item, "feature"), Text(item, "text")));
            }
        }

        return reasons;
    }

    private static string Text(JsonElement item, string name)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.GetString() ?? "";
            }
        }

        throw new InvalidOperationException($"reason without '{name}': {item}");
    }
}
