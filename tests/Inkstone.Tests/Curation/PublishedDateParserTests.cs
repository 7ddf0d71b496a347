using Inkstone.Curation.Ingest;

namespace Inkstone.Tests.Curation;

public sealed class PublishedDateParserTests
{
    private static readonly DateTimeOffset s_now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2023-05-06", 2023, 5, 6, 0, 0, 8)]
    [InlineData("2023/5/6", 2023, 5, 6, 0, 0, 8)]
    [InlineData("2023年5月6日", 2023, 5, 6, 0, 0, 8)]
    [InlineData("2023年5月6日 14:30", 2023, 5, 6, 14, 30, 8)]
    [InlineData("2023-05-06T14:30:00Z", 2023, 5, 6, 14, 30, 0)]
    [InlineData("2023-05-06T14:30:00+02:00", 2023, 5, 6, 14, 30, 2)]
    [InlineData("2023-05-06T14:30:00", 2023, 5, 6, 14, 30, 8)]
    public void TryParse_CommonForms_ParsedWithOffset(string raw, int y, int m, int d, int h, int min, int offsetHours)
    {
        Assert.True(PublishedDateParser.TryParse(raw, s_now, out var value, out var error), error);
        Assert.Equal(new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.FromHours(offsetHours)), value);
    }

    [Fact]
    public void TryParse_UnixSeconds_ParsedInUtcPlus8()
    {
        Assert.True(PublishedDateParser.TryParse("1672531200", s_now, out var value, out _)); // 2023-01-01T00:00:00Z
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)), value);
    }

    [Theory]
    [InlineData("2023-02-30", "impossible")]
    [InlineData("2023-13-01", "impossible")]
    [InlineData("1850-01-01", "before 1900")]
    [InlineData("2030-01-01", "future")]
    [InlineData("last Tuesday", "not a date")]
    public void TryParse_ImpossibleOrUnreadable_FailsWithReason(string raw, string expected)
    {
        Assert.False(PublishedDateParser.TryParse(raw, s_now, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
