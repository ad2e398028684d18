using BehaviorGraph.Core.Labels;

namespace BehaviorGraph.Storage.Tests;

/// <summary>Labels files are imported once per content hash, atomically with their record.</summary>
public abstract partial class StoreBehaviorTests
{
    [SkippableFact]
    public async Task LabelFile_IsImportedOncePerContentHash_AndAgainAddsNothing()
    {
        var store = await OpenAsync();
        AccountLabel[] labels =
        [
            new("u1", LabelKind.Abusive, "file", null, "labels.csv:2", T0),
            new("u2", LabelKind.Benign, "file", null, "labels.csv:3", T0),
        ];

        var first = await store.Labels.ImportFileAsync("aa11", "labels.csv", labels, CancellationToken.None);
        var again = await store.Labels.ImportFileAsync("aa11", "copy.csv", [labels[0] with { Note = "copy.csv:2" }], CancellationToken.None);
        var other = await store.Labels.ImportFileAsync("bb22", "edited.csv", [new("u3", LabelKind.Abusive, "file", null, "edited.csv:2", T0)], CancellationToken.None);

        Assert.True(first.Imported);
        Assert.Equal(("aa11", "labels.csv", 2L), (first.ContentHash, first.Source, first.Labels));
        Assert.False(again.Imported);
        Assert.Equal(("aa11", "labels.csv", 2L, first.ImportedAt), (again.ContentHash, again.Source, again.Labels, again.ImportedAt));
        Assert.True(other.Imported);
        var latest = await store.Labels.GetLatestAsync(CancellationToken.None);
        Assert.Equal(["u1", "u2", "u3"], latest.Select(l => l.Account));
        Assert.Equal(["labels.csv:2"], (await store.Labels.GetForAccountAsync("u1", CancellationToken.None)).Select(l => l.Note));
    }

    [SkippableFact]
    public async Task LabelFile_ImportedConcurrently_AddsItsLabelsExactlyOnce()
    {
        var store = await OpenAsync();
        var other = await OpenAsync(reopen: true);
        var labels = Enumerable.Range(0, 500).Select(i => new AccountLabel($"u{i}", LabelKind.Abusive, "file", null, $"l.csv:{i + 2}", T0)).ToList();

        var imports = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? store : other).Labels.ImportFileAsync("cc33", "l.csv", labels, CancellationToken.None))));

        Assert.Equal(1, imports.Count(i => i.Imported));
        Assert.All(imports, i => Assert.Equal(500, i.Labels));
        Assert.Equal(500, (await store.Labels.GetLatestAsync(CancellationToken.None)).Count);
        Assert.Single(await store.Labels.GetForAccountAsync("u7", CancellationToken.None));
    }
}
