using System.Globalization;
using BehaviorGraph.Ingest.Validation;
using CsCheck;

namespace BehaviorGraph.Ingest.Tests.Validation;

/// <summary>The fast path for the common ISO-8601 shape answers exactly what the general parser answers.</summary>
public sealed class IsoTimestampTests
{
    private static readonly Gen<string> Texts = Gen.Select(
            Gen.Int[0, 10_000], Gen.Int[0, 14], Gen.Int[0, 32], Gen.Int[0, 25], Gen.Int[0, 61], Gen.Int[0, 61],
            Gen.OneOf("", ".1", ".123", ".1234567", ".12345678", "."), Gen.OneOf("Z", "z", "+00:00", "+05:30", "-11:45", "+14:00", "-14:00", "+13:59", "+24:00", "+5:30", "", " Z"))
        .Select((y, mo, d, h, mi, s, fraction, offset) =>
            $"{y:0000}-{mo:00}-{d:00}T{h:00}:{mi:00}:{s:00}{fraction}{offset}");

    [Fact]
    public void TryParse_AgreesWithDateTimeOffset_WheneverItAnswers() =>
        Texts.Sample(text =>
        {
            if (IsoTimestamp.TryParse(text, out var ms))
            {
                Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed), text);
                Assert.Equal(parsed.ToUnixTimeMilliseconds(), ms);
            }
        }, iter: 50_000, threads: 1);

    [Theory]
    [InlineData("2024-01-01T00:00:00Z", 1_704_067_200_000L)]
    [InlineData("2024-01-01T05:30:00+05:30", 1_704_067_200_000L)]
    [InlineData("2023-12-31T23:00:00.9999999-01:00", 1_704_067_200_999L)]
    [InlineData("2024-02-29T12:00:00.5Z", 1_709_208_000_500L)]
    public void TryParse_ReadsTheCommonShapes(string text, long expected)
    {
        Assert.True(IsoTimestamp.TryParse(text, out var ms));
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-01-01T24:00:00Z")]
    [InlineData("2024-01-01 00:00:00Z")]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("2024-01-01T00:00:60Z")]
    public void TryParse_LeavesEverythingElseToTheGeneralParser(string text) => Assert.False(IsoTimestamp.TryParse(text, out _));
}
