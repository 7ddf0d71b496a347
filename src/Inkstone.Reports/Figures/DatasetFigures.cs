using Inkstone.Statistics;

namespace Inkstone.Reports.Figures;

/// <summary>
/// The dataset report's figures, read off a <see cref="DatasetStatisticsReport"/> (what <c>inkstone stats</c>
/// computes): every value drawn is a number of that model, so the figures and <c>stats</c> cannot disagree.
/// </summary>
public static class DatasetFigures
{
    public const string CategorySharesId = "fig3a-category-shares";
    public const string LengthDistributionId = "fig3b-length-distribution";
    public const string GenreDistributionId = "fig6-genre-distribution";
    public const string PlatformSpreadId = "platform-spread";
    public const string MonthSpreadId = "month-spread";

    /// <summary>The fields of Fig. 3b in the paper's order, with their series names.</summary>
    public static readonly IReadOnlyList<(TextField Field, string Name)> LengthSeries =
    [
        (TextField.Prompt, "query (prompt)"),
        (TextField.Reasoning, "thought (reasoning)"),
        (TextField.Article, "answer (article)"),
    ];

    public static IReadOnlyList<Figure> Build(DatasetStatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Statistics;
        return [CategoryShares(s), LengthDistribution(s), GenreDistribution(s), PlatformSpread(s), MonthSpread(s)];
    }

    public static BarFigure CategoryShares(DatasetStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var rows = statistics.Categories.Concat(statistics.Unassigned is null ? [] : [statistics.Unassigned]);
        return new BarFigure
        {
            Id = CategorySharesId,
            Title = "Category shares (Fig. 3a)",
            XLabel = "category",
            YLabel = "share of accepted triplets (%)",
            Definition = "Per category: its accepted triplets ÷ all accepted triplets × 100 (the share column of "
                + "Table 5); records without a genre form their own bar. The n of each bar is its record count.",
            N = statistics.Overall.Count,
            ValueFormat = "0.0",
            // Chinese names keep seven labels side by side; the tables give both names.
            Series = [new FigureSeries("share", [.. rows.Select(r => new FigureBar(r.NameZh, r.SharePercent, r.Count))])],
        };
    }

    public static HistogramFigure LengthDistribution(DatasetStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var buckets = statistics.LengthDistribution;
        return new HistogramFigure
        {
            Id = LengthDistributionId,
            Title = "Length distributions of query, thought and answer (Fig. 3b)",
            XLabel = "length (code points, log scale: half-decade bins)",
            YLabel = "triplets",
            Definition = "Per text field, the number of accepted triplets whose length in Unicode code points falls in "
                + "each half-decade bin [⌈10^(k/2)⌉, ⌈10^((k+1)/2)⌉) (edges 1, 4, 10, 32, 100, 317, 1000, …; "
                + "bin 0 holds empty texts): the length_distribution of `inkstone stats`.",
            N = statistics.Overall.Count,
            Bins = [.. buckets.Select(b => new HistogramBin(b.Lower, b.UpperExclusive, b.Label))],
            Series = [.. LengthSeries.Select(f => new FigureSeries(f.Name,
                [.. buckets.Select(b => new FigureBar(b.Label, b[f.Field], b[f.Field]))]))],
        };
    }

    /// <summary>Every taxonomy genre: those with records in the statistics' order, then those with none.</summary>
    public static BarFigure GenreDistribution(DatasetStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var present = statistics.Genres.Select(g => new FigureBar(g.NameZh, g.Count, g.Count));
        // Genres without a record appear only in the balance audit (count 0 is always below the minimum).
        var seen = statistics.Genres.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var absent = statistics.Balance.GenresBelowMinimum.Where(g => !seen.Contains(g.Id))
            .Select(g => new FigureBar(g.NameZh, g.Count, g.Count));
        var min = statistics.Balance.MinPerGenre;
        return new BarFigure
        {
            Id = GenreDistributionId,
            Title = "Genre distribution (Fig. 6)",
            XLabel = "accepted triplets",
            YLabel = "genre",
            Definition = $"Accepted triplets per genre of the taxonomy ({statistics.TaxonomyVersion}), genres without "
                + $"a record included; the dashed line is the balance rule of at least {min} per genre (paper §2.3).",
            N = statistics.Overall.Count,
            Horizontal = true,
            ReferenceLine = min,
            ReferenceLabel = $"≥ {min} per genre",
            Series = [new FigureSeries("triplets", [.. present.Concat(absent)])],
        };
    }

    public static BarFigure PlatformSpread(DatasetStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new BarFigure
        {
            Id = PlatformSpreadId,
            Title = "Accepted triplets per source platform",
            XLabel = "accepted triplets",
            YLabel = "platform",
            Definition = "Accepted triplets per provenance platform, as written in the records; \"(unknown)\" for "
                + "records without one.",
            N = statistics.Overall.Count,
            Horizontal = true,
            Series = [new FigureSeries("triplets", [.. statistics.Platforms.Select(Bar)])],
        };
    }

    public static BarFigure MonthSpread(DatasetStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new BarFigure
        {
            Id = MonthSpreadId,
            Title = "Accepted triplets per publication month",
            XLabel = "publication month (yyyy-MM)",
            YLabel = "accepted triplets",
            Definition = "Accepted triplets per month of the source's publication date (as recorded, with its "
                + "offset); \"(undated)\" for records without a date.",
            N = statistics.Overall.Count,
            Series = [new FigureSeries("triplets", [.. statistics.Months.Select(Bar)])],
        };
    }

    private static FigureBar Bar(CountBucket bucket) => new(bucket.Key, bucket.Count, bucket.Count);
}
