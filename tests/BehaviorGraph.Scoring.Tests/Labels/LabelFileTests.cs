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

    [Theory]
    [InlineData("u1\u001b[2J,abusive\n", "control_characters")]
    [InlineData("u1\u0000,abusive\n", "control_characters")]
    public void Parse_Throws_NamingTheLine_ForAnAccountTheIdentifierRulesRefuse(string text, string code)
    {
        var ex = Assert.Throws<LabelFileException>(() => LabelFile.Parse(new StringReader("account,label\n" + text), "l.csv"));

        Assert.StartsWith("l.csv line 2: " + code, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Throws_NamingTheLine_ForBytesThatAreNotUtf8_AndHashesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "bg-labels-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            File.WriteAllBytes(path, [.. "account,label\nu1,abusive\nu"u8, 0xFF, .. ",benign\n"u8]);
            var ex = Assert.Throws<LabelFileException>(() => LabelFile.Load(path));
            Assert.Contains("line 3: the file is not UTF-8 text", ex.Message, StringComparison.Ordinal);

            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "account,label\nu1,abusive\n"u8]);
            var content = LabelFile.Load(path);
            Assert.Equal([new LabelFileEntry("u1", LabelKind.Abusive, 2)], content.Entries);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), content.ContentHash);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_QuotesAtMostAnExcerptOfABadLine()
    {
        var ex = Assert.Throws<LabelFileException>(() => LabelFile.Parse(new StringReader(new string('x', 5000) + "\n"), "l.csv"));

        Assert.True(ex.Message.Length < 200, ex.Message);
    }
}
