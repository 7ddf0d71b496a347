using Inkstone.Datasets;
using Inkstone.Reports.Figures;
using Inkstone.Statistics;
using Inkstone.Taxonomy;

namespace Inkstone.Tests.Reports;

/// <summary>Each dataset figure's numbers are the statistics model's numbers (what <c>stats --format json</c> prints).</summary>
public sealed class DatasetFiguresTests
{
    private static async Task<DatasetStatisticsReport> SampleAsync() =>
        await DatasetStatisticsService.ComputeAsync(
            Path.Combine(AppContext.BaseDirectory, "samples", "coig-writer-sample.jsonl"), DatasetReadOptions.Default,
            cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task CategoryShares_BarHeightsAreSharePercent_NIsCount()
    {
        var s = (await SampleAsync()).Statistics;
        var bars = DatasetFigures.CategoryShares(s).Series.Single().Bars;
        Assert.Equal(s.Categories.Select(c => c.SharePercent), bars.Select(b => b.Value));
        Assert.Equal(s.Categories.Select(c => c.Count), bars.Select(b => b.N));
        Assert.Equal(100, bars.Sum(b => b.Value), 9);
    }

    [Fact]
    public async Task LengthDistribution_SeriesEqualBucketCountsPerField()
    {
        var s = (await SampleAsync()).Statistics;
        var figure = DatasetFigures.LengthDistribution(s);
        Assert.Equal(s.LengthDistribution.Select(b => b.Label), figure.Bins.Select(b => b.Label));
        Assert.Equal(s.LengthDistribution.Select(b => b.Prompt), figure.Series[0].Bars.Select(b => (long)b.Value));
        Assert.Equal(s.LengthDistribution.Select(b => b.Reasoning), figure.Series[1].Bars.Select(b => (long)b.Value));
        Assert.Equal(s.LengthDistribution.Select(b => b.Article), figure.Series[2].Bars.Select(b => (long)b.Value));
        Assert.All(figure.Series, series => Assert.Equal(s.Overall.Count, series.Bars.Sum(b => b.N)));
        Assert.Contains("code points", figure.XLabel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenreDistribution_EveryTaxonomyGenre_CountsFromModel_LineAtMinimum()
    {
        var s = (await SampleAsync()).Statistics;
        var figure = DatasetFigures.GenreDistribution(s);
        var bars = figure.Series.Single().Bars;
        Assert.Equal(GenreTaxonomy.Default.Genres.Count, bars.Count);
        Assert.Equal(s.Overall.Count - (s.Unassigned?.Count ?? 0), (long)bars.Sum(b => b.Value));
        foreach (var genre in s.Genres) Assert.Equal(genre.Count, bars.Single(b => b.Category == genre.NameZh).Value);
        Assert.Equal(DatasetStatisticsOptions.PaperMinPerGenre, figure.ReferenceLine);
    }

    [Fact]
    public async Task PlatformAndMonthSpread_AddUpToAcceptedRecords()
    {
        var s = (await SampleAsync()).Statistics;
        Assert.NotEmpty(s.Platforms);
        Assert.Equal(s.Overall.Count, (long)DatasetFigures.PlatformSpread(s).Series.Single().Bars.Sum(b => b.Value));
        Assert.Equal(s.Overall.Count, (long)DatasetFigures.MonthSpread(s).Series.Single().Bars.Sum(b => b.Value));
        Assert.Equal(s.Platforms.Select(p => p.Key), DatasetFigures.PlatformSpread(s).Categories);
    }

    [Fact]
    public async Task StatsJson_LeavesPlatformAndMonthSpreadOut()
    {
        var json = DatasetStatisticsJson.Serialize(await SampleAsync());
        Assert.DoesNotContain("platforms", json, StringComparison.Ordinal);
        Assert.DoesNotContain("months", json, StringComparison.Ordinal);
    }
}
