using System.Globalization;
using Inkstone.Statistics;

namespace Inkstone.Reports.Documents;

/// <summary>The dataset report's tables, formatted from the statistics model (Tables 5–10, balance audit, spread).</summary>
public static class DatasetTables
{
    private static readonly string[] s_columns =
    [
        "group", "count", "share %",
        "article min", "article mean", "article max",
        "prompt min", "prompt mean", "prompt max",
        "reasoning min", "reasoning mean", "reasoning max",
    ];

    public static IReadOnlyList<ReportTable> Build(DatasetStatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Statistics;
        var tables = new List<ReportTable>
        {
            new("Table 5: categories", s_columns,
                [Row(s.Overall), .. s.Categories.Select(Row), .. s.Unassigned is null ? [] : new[] { Row(s.Unassigned) }],
                "lengths in Unicode code points"),
        };
        // Tables 6–10 of the paper list the genres of each category.
        foreach (var category in s.Categories)
        {
            var genres = s.Genres.Where(g => g.CategoryId == category.Id).ToList();
            if (genres.Count > 0)
                tables.Add(new ReportTable($"Genres of {category.NameZh} {category.NameEn}", s_columns, [.. genres.Select(Row)]));
        }
        tables.Add(new ReportTable($"Balance audit: genres below {s.Balance.MinPerGenre}", ["genre", "category", "count"],
            [.. s.Balance.GenresBelowMinimum.Select(g => (IReadOnlyList<string>)[$"{g.NameZh} {g.NameEn}", g.CategoryId ?? "", N(g.Count)])],
            s.Balance.CategoriesMissing.Count == 0 ? null
                : "categories without a record: " + string.Join(", ", s.Balance.CategoriesMissing.Select(c => $"{c.NameZh} {c.NameEn}"))));
        tables.Add(new ReportTable("Accepted triplets per platform", ["platform", "triplets"],
            [.. s.Platforms.Select(p => (IReadOnlyList<string>)[p.Key, N(p.Count)])]));
        tables.Add(new ReportTable("Accepted triplets per publication month", ["month", "triplets"],
            [.. s.Months.Select(p => (IReadOnlyList<string>)[p.Key, N(p.Count)])]));
        return tables;
    }

    private static IReadOnlyList<string> Row(StatisticsRow row) =>
    [
        $"{row.NameZh} {row.NameEn}", N(row.Count), row.SharePercent.ToString("0.00", CultureInfo.InvariantCulture),
        .. Enum.GetValues<TextField>().SelectMany(f => Lengths(row[f].CodePoints)),
    ];

    private static IEnumerable<string> Lengths(LengthSummary summary) =>
        [N(summary.Min), summary.Mean.ToString("0.0", CultureInfo.InvariantCulture), N(summary.Max)];

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
