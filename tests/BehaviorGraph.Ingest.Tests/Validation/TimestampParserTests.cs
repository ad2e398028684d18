using BehaviorGraph.Ingest.Validation;

namespace BehaviorGraph.Ingest.Tests.Validation;

public sealed class TimestampParserTests
{
    [Theory]
    [InlineData("2010-11-08T18:45:11Z", 1289241911000)]
    [InlineData("2010-11-08T20:45:11+02:00", 1289241911000)]
    [InlineData("2010-11-08T13:45:11.250-05:00", 1289241911250)]
    [InlineData("1289241911", 1289241911000)]
    [InlineData("1289241911.5", 1289241911500)]
    public void Parse_AcceptsIsoWithOffsetAndEpochSeconds(string text, long expectedMs)
    {
        Assert.True(TimestampParser.TryParse(text, out var ms, out var error), error);
        Assert.Equal(expectedMs, ms);
    }

    [Theory]
    [InlineData("2010-11-08T18:45:11", QuarantineReasons.InvalidTimestamp)]
    [InlineData("yesterday", QuarantineReasons.InvalidTimestamp)]
    [InlineData("2010-13-45T18:45:11Z", QuarantineReasons.InvalidTimestamp)]
    [InlineData("1289241911000", QuarantineReasons.TimestampOutOfRange)]
    [InlineData("1.2.3", QuarantineReasons.InvalidTimestamp)]
    [InlineData("1960-01-01T00:00:00Z", QuarantineReasons.TimestampOutOfRange)]
    public void Parse_RejectsAmbiguousOrImpossibleTimes(string text, string expectedCode)
    {
        Assert.False(TimestampParser.TryParse(text, out _, out var error));
        Assert.StartsWith(expectedCode + ":", error);
    }
}
