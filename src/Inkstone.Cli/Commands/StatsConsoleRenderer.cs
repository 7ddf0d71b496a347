using System.Globalization;
using Inkstone.Cli.Rendering;
using Inkstone.Reports;
using Inkstone.Statistics;

namespace Inkstone.Cli.Commands;

/// <summary>
/// Renders <c>inkstone stats</c> as report tables (the statistics table, the balance audit and the length
/// distribution), printed by <see cref="ReportTableOutput"/> so that no number or genre id is ever broken across lines.
/// </summary>
public static class StatsConsoleRenderer
{
    /// <param name="tableOnly">Only the statistics table and the read summary (the demo's short form).</param>
    public static void Write(DatasetStatisticsReport report, StatisticsGrouping grouping, bool han, bool tableOnly = false) =>
        Write(Console.Out, report, grouping, han, tableOnly);

    public static void Write(TextWriter writer, DatasetStatisticsReport report, StatisticsGrouping grouping, bool han, bool tableOnly = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tables = tableOnly ? [StatisticsTable(report, grouping, han)] : Tables(report, grouping, han);
        ReportTableOutput.Write(writer, tables, "text", [report.Summary.ToString()]);
    }

    public static IReadOnlyList<ReportTable> Tables(DatasetStatisticsReport report, StatisticsGrouping grouping, bool han)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [StatisticsTable(report, grouping, han), BalanceTable(report.Statistics.Balance), DistributionTable(report.Statistics)];
    }

    private static ReportTable StatisticsTable(DatasetStatisticsReport report, StatisticsGrouping grouping, bool han)
    {
        var columns = new List<string> { "group", "count", "%", "article", "prompt", "reasoning" };
        if (han) columns.AddRange(["article (Han)", "prompt (Han)", "reasoning (Han)"]);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in report.Rows(grouping))
        {
            var name = DatasetStatisticsText.RowName(row);
            if (row.Level == StatisticsLevel.Genre && grouping == StatisticsGrouping.All) name = "  " + name;
            var cells = new List<string>
            {
                name, row.Count.ToString(CultureInfo.InvariantCulture), DatasetStatisticsText.Share(row.SharePercent),
                DatasetStatisticsText.Range(row.Article.CodePoints), DatasetStatisticsText.Range(row.Prompt.CodePoints),
                DatasetStatisticsText.Range(row.Reasoning.CodePoints),
            };
            if (han)
            {
                cells.AddRange([DatasetStatisticsText.Range(row.Article.Han), DatasetStatisticsText.Range(row.Prompt.Han),
                    DatasetStatisticsText.Range(row.Reasoning.Han)]);
            }
            rows.Add(cells);
        }
        return new ReportTable($"{report.Source} (lengths in code points: min–mean–max)", columns, rows);
    }

    private static ReportTable BalanceTable(BalanceAudit balance)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in balance.CategoriesMissing)
            rows.Add(["category", c.Id, "0", c.NameZh]);
        foreach (var g in balance.GenresBelowMinimum)
            rows.Add(["genre", g.Id, g.Count.ToString(CultureInfo.InvariantCulture), g.NameZh]);
        var note = balance.IsBalanced
            ? "every genre reaches the minimum and every category has records"
            : string.Create(CultureInfo.InvariantCulture,
                $"{balance.CategoriesMissing.Count} categories missing, {balance.GenresBelowMinimum.Count} genres below the minimum");
        return new ReportTable(string.Create(CultureInfo.InvariantCulture, $"Balance audit (minimum {balance.MinPerGenre} per genre)"),
            ["level", "id", "count", "name"], rows, note);
    }

    private static ReportTable DistributionTable(DatasetStatistics statistics) => new(
        "Length distribution (half-decade buckets, code points)",
        ["length", "article", "prompt", "reasoning"],
        [.. statistics.LengthDistribution.Select(b => (IReadOnlyList<string>)[b.Label, b.Article.ToString(CultureInfo.InvariantCulture),
            b.Prompt.ToString(CultureInfo.InvariantCulture), b.Reasoning.ToString(CultureInfo.InvariantCulture)])]);
}
