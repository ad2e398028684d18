using BehaviorGraph.Core.Labels;
using BehaviorGraph.Scoring.Labels;

namespace BehaviorGraph.Scoring.Tests.Labels;

public sealed class LabelFileTests
{
    [Fact]
    public void Parse_ReadsAccountsAndLabels_SkippingHeaderAndBlankLines()
    {
        var entries = LabelFile.Parse(new StringReader("account,label\nu1,abusive\n\nu2, Benign \n\"u3\",ABUSIVE\n"), "labels.csv");

        Assert.Equal(
            [new LabelFileEntry("u1", LabelKind.Abusive, 2), new LabelFileEntry("u2", LabelKind.Benign, 4), new LabelFileEntry("u3", LabelKind.Abusive, 5)],
            entries);
    }

    [Fact]
    public void Parse_Throws_NamingTheLine_ForAnUnknownLabelWord()
    {
        var ex = Assert.Throws<LabelFileException>(() => LabelFile.Parse(new StringReader("account,label\nu1,abusive\nu2,spammer\n"), "labels.csv"));

        Assert.Equal("labels.csv line 3: unknown label 'spammer' for account 'u2'; use abusive or benign.", ex.Message);
    }

    [Fact]
    public void Parse_Throws_ForALineWithoutALabel()
    {
        var ex = Assert.Throws<LabelFileException>(() => LabelFile.Parse(new StringReader("u1\n"), "l.csv"));

        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throws_WhenTheFileIsMissing()
    {
        var ex = Assert.Throws<LabelFileException>(() => LabelFile.Read("/nonexistent/labels.csv"));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }
}
