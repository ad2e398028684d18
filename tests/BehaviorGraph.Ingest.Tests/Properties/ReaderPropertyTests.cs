using BehaviorGraph.Core.Storage;
using BehaviorGraph.Ingest.Readers;
using BehaviorGraph.Ingest.Validation;
using CsCheck;

namespace BehaviorGraph.Ingest.Tests.Properties;

/// <summary>
/// The row invariant on random files: random mixes of good rows, blank lines and every kind of damage in
/// <see cref="Damages"/>, written with random quoting, escapes, key case and order, CRLF or LF, with or without a BOM,
/// read in random chunk sizes through a stream that returns random short reads. Every good row must come out exactly
/// once and as written, every damaged line must be quarantined with its own line number and a code its damage
/// allows, and the counts must add up to the file's lines.
/// </summary>
public sealed class ReaderPropertyTests
{
    /// <summary>Small enough that oversized rows are cheap to make; large enough for any good row of the generator.</summary>
    internal const int Limit = 16 * 1024;

    internal static Gen<FilePlan> Plans(bool csv) =>
        Gen.Select(
            Gen.Bool, Gen.Int[0, 2], Items(csv).List[0, 40], Gen.Int[1, 64], Gen.Int, Gen.Frequency((4, Gen.Const(0)), (1, Gen.Int[1, 100])), Gen.Bool)
        .Select((bom, blanks, items, chunk, seed, skip, newline) => new FilePlan(csv, bom, blanks, items, chunk, seed, skip, newline));

    private static Gen<PlanItem> Items(bool csv)
    {
        var damages = (csv ? Damages.Csv : Damages.Json).Length;
        return Gen.Frequency(
            (10, Gen.Int.Select(salt => new PlanItem(LineKind.Good, 0, salt))),
            (2, Gen.Int.Select(salt => new PlanItem(LineKind.Blank, 0, salt))),
            (10, Gen.Select(Gen.Int[0, damages - 1], Gen.Int, (d, salt) => new PlanItem(LineKind.Damaged, d, salt))),
            (1, Gen.Int.Select(salt => new PlanItem(LineKind.Repeat, 0, salt))),
            (1, Gen.Int.Select(salt => new PlanItem(LineKind.PaddedToLimit, 0, salt))));
    }

    [Fact]
    public void CsvReader_KeepsEveryGoodRowOnce_AndQuarantinesEveryDamagedLineAlone() =>
        Plans(csv: true).Sample(plan => AssertRowInvariant(plan), iter: 1_500, threads: 1, print: p => p.ToString());

    [Fact]
    public void JsonLinesReader_KeepsEveryGoodRowOnce_AndQuarantinesEveryDamagedLineAlone() =>
        Plans(csv: false).Sample(plan => AssertRowInvariant(plan), iter: 1_500, threads: 1, print: p => p.ToString());

    [Fact]
    public void Catalogue_HasAtLeastThirtyKindsOfDamagePerFormat_AndEveryKindAppliesToSomeRow()
    {
        foreach (var (catalogue, csv) in new[] { (Damages.Csv, true), (Damages.Json, false) })
        {
            Assert.True(catalogue.Length >= 30, $"{catalogue.Length} kinds");
            Assert.Equal(catalogue.Length, catalogue.Select(d => d.Name).Distinct().Count());
            foreach (var damage in catalogue)
            {
                var applies = Enumerable.Range(0, 200).Any(i =>
                {
                    var rng = new Random(i);
                    return damage.Apply(new DamageInput(GoodEvents.Create(rng, i), Rendering.Columns, rng, Limit)) is not null;
                });
                Assert.True(applies, $"{damage.Name} ({(csv ? "CSV" : "JSON")}) never applies");
            }
        }
    }

    /// <summary>Every damage, one row each between good rows, in both formats: each damaged line quarantined alone.</summary>
    [Fact]
    public void EveryDamage_CostsItsOwnLinesOnly()
    {
        foreach (var csv in new[] { true, false })
        {
            var catalogue = csv ? Damages.Csv : Damages.Json;
            for (var d = 0; d < catalogue.Length; d++)
            {
                for (var salt = 0; salt < 20; salt++)
                {
                    var items = new List<PlanItem>
                    {
                        new(LineKind.Good, 0, salt), new(LineKind.Damaged, d, salt), new(LineKind.Good, 0, salt + 1),
                    };
                    AssertRowInvariant(new FilePlan(csv, salt % 2 == 0, 0, items, 1 + (salt % 3), salt, 0, salt % 3 != 0));
                }
            }
        }
    }

    internal static void AssertRowInvariant(FilePlan plan)
    {
        var file = EventFile.Build(plan, Limit);
        var skip = plan.SkipPercent == 0 ? 0 : file.Lines * plan.SkipPercent / 100;
        IEventRowReader reader = plan.Csv ? new CsvEventRowReader(new ReaderLimits(Limit)) : new JsonLinesEventRowReader(new ReaderLimits(Limit));
        using var input = new TrickleStream(file.Content, plan.Seed);

        var chunks = reader.ReadChunks(input, plan.ChunkSize, skip, CancellationToken.None).ToList();

        var events = chunks.SelectMany(c => c.Events).ToList();
        var quarantined = chunks.SelectMany(c => c.Quarantined).ToList();
        Assert.Equal(file.Events.Where(e => e.Line > skip).Select(e => e.Event), events);
        Assert.Equal(file.Damaged.Where(d => d.Line > skip).Select(d => d.Line), quarantined.Select(q => q.Line));
        foreach (var row in quarantined)
        {
            var damage = file.Damaged.Single(d => d.Line == row.Line).Damage;
            var code = QuarantineReasons.CodeOf(row.Reason);
            Assert.True(damage.Codes.Contains(code), $"line {row.Line} ({damage.Name}) was quarantined as '{row.Reason}', expected one of {string.Join(", ", damage.Codes)}");
            Assert.InRange(row.Raw.Length, 0, QuarantinedRow.MaxRawLength);
            Assert.False(HasLoneSurrogate(row.Raw), $"line {row.Line}: the raw text holds a lone surrogate");
            Assert.DoesNotContain(row.Reason, char.IsControl);
            Assert.False(HasLoneSurrogate(row.Reason), $"line {row.Line}: the reason holds a lone surrogate");
        }

        var dataLines = file.Lines - file.BlankLines - (file.HeaderLine > 0 ? 1 : 0);
        var skipped = file.Events.Count(e => e.Line <= skip) + file.Damaged.Count(d => d.Line <= skip);
        Assert.Equal(dataLines, file.Events.Count + file.Damaged.Count);
        Assert.Equal(dataLines - skipped, chunks.Sum(c => c.RowsRead));
        Assert.Equal(events.Count + quarantined.Count, chunks.Sum(c => c.RowsRead));
        Assert.Equal(skipped, chunks.Sum(c => c.RowsSkipped));
        Assert.Equal(file.BlankLines, chunks.Sum(c => c.BlankLines));
        Assert.Equal(file.Lines, chunks.Count == 0 ? 0 : chunks.Max(c => c.LastLine));
        Assert.All(chunks, c => Assert.True(c.Events.Count + c.Quarantined.Count <= plan.ChunkSize));
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
