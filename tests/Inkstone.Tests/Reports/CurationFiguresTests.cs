using Inkstone.Curation;
using Inkstone.Reports.Figures;

namespace Inkstone.Tests.Reports;

public sealed class CurationFiguresTests
{
    internal static CurationStatus Status(string genre = "散文", string platform = "douban") => new()
    {
        Total = 10,
        States =
        [
            new("accepted", null, 6),
            new("rejected", "duplicate", 3),
            new("quarantined", "screening", 1),
        ],
        IngestErrors = 0,
        Rates = [new("screening", "assessed", 8, 6), new("first review", "in_review", 0, 0)],
        Genres = [new(genre, 6)],
        Platforms = [new(platform, 6)],
        Months = [new("2024-01", 6)],
        MinimumPerGenre = 15,
    };

    [Fact]
    public void Funnel_OneBarPerStateAndReason_AddsUpToTotal()
    {
        var figure = CurationFigures.Funnel(Status());
        var bars = figure.Series.Single().Bars;
        Assert.Equal(["accepted", "rejected (duplicate)", "quarantined (screening)"], bars.Select(b => b.Category));
        Assert.Equal(10, bars.Sum(b => b.Value));
        Assert.Equal(10, figure.N);
    }

    [Fact]
    public void Acceptance_ValueIsRatePercent_NIsDecisions_NoDecisionsIsZeroWithNZero()
    {
        var bars = CurationFigures.Acceptance(Status()).Series.Single().Bars;
        Assert.Equal(75, bars[0].Value, 9);
        Assert.Equal(8, bars[0].N);
        Assert.Equal(0, bars[1].Value);
        Assert.Equal(0, bars[1].N);
    }

    [Fact]
    public void Genres_LineAtWorkspaceMinimum()
    {
        var figure = CurationFigures.Genres(Status());
        Assert.Equal(15, figure.ReferenceLine);
        Assert.Equal(6, figure.Series.Single().Bars.Single().Value);
    }
}
