using System.Globalization;
using System.Text;

namespace Inkstone.Statistics;

/// <summary>
/// Writes statistics as Markdown (tables in the paper's layout, then the balance audit and the length distribution)
/// or as CSV (the statistics rows only, one per group, full precision).
/// </summary>
public static class DatasetStatisticsText
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>"min–mean–max" with the mean to two decimals, as in the paper's tables.</summary>
    public static string Range(LengthSummary s) => string.Create(s_invariant, $"{s.Min}–{s.Mean:F2}–{s.Max}");

    public static string Share(double percent) => percent.ToString("F2", s_invariant);

    /// <summary>"English (中文)" for categories and genres, "Overall" for the overall row.</summary>
    public static string RowName(StatisticsRow row) =>
        row?.Level == StatisticsLevel.Overall ? row.NameEn : $"{row!.NameEn} ({row.NameZh})";

    public static void WriteMarkdown(TextWriter writer, DatasetStatisticsReport report, StatisticsGrouping grouping, bool han)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Statistics;
        writer.WriteLine(string.Create(s_invariant, $"# Statistics of {report.Source}"));
        writer.WriteLine();
        writer.WriteLine(string.Create(s_invariant, $"{report.Summary}. Lengths in Unicode code points as min–mean–max; shares in % of accepted records."));
        writer.WriteLine();
        var header = new StringBuilder("| Level | Group | Count | % | Article | Prompt | Reasoning |");
        var rule = new StringBuilder("|---|---|---:|---:|---|---|---|");
        if (han)
        {
            header.Append(" Article (Han) | Prompt (Han) | Reasoning (Han) |");
            rule.Append("---|---|---|");
        }
        writer.WriteLine(header);
        writer.WriteLine(rule);
        foreach (var row in report.Rows(grouping))
        {
            var line = new StringBuilder(string.Create(s_invariant,
                $"| {row.Level.ToString().ToLowerInvariant()} | {Escape(RowName(row))} | {row.Count} | {Share(row.SharePercent)} | {Range(row.Article.CodePoints)} | {Range(row.Prompt.CodePoints)} | {Range(row.Reasoning.CodePoints)} |"));
            if (han) line.Append(string.Create(s_invariant, $" {Range(row.Article.Han)} | {Range(row.Prompt.Han)} | {Range(row.Reasoning.Han)} |"));
            writer.WriteLine(line);
        }

        writer.WriteLine();
        writer.WriteLine(string.Create(s_invariant, $"## Balance audit (minimum {s.Balance.MinPerGenre} per genre)"));
        writer.WriteLine();
        if (s.Balance.IsBalanced) writer.WriteLine("Every genre reaches the minimum and every category has records.");
        foreach (var c in s.Balance.CategoriesMissing)
            writer.WriteLine(string.Create(s_invariant, $"- category missing: {Escape(c.NameEn)} ({Escape(c.NameZh)}, `{c.Id}`)"));
        foreach (var g in s.Balance.GenresBelowMinimum)
            writer.WriteLine(string.Create(s_invariant, $"- genre below minimum: {Escape(g.NameEn)} ({Escape(g.NameZh)}, `{g.Id}`): {g.Count}"));

        writer.WriteLine();
        writer.WriteLine("## Length distribution (half-decade buckets, code points)");
        writer.WriteLine();
        writer.WriteLine("| Length | Article | Prompt | Reasoning |");
        writer.WriteLine("|---|---:|---:|---:|");
        foreach (var b in s.LengthDistribution)
            writer.WriteLine(string.Create(s_invariant, $"| {b.Label} | {b.Article} | {b.Prompt} | {b.Reasoning} |"));
    }

    public static void WriteCsv(TextWriter writer, DatasetStatisticsReport report, StatisticsGrouping grouping, bool han)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var fields = Enum.GetValues<TextField>().Select(f => f.ToString().ToLowerInvariant()).ToArray();
        var columns = new List<string> { "level", "id", "name_zh", "name_en", "category_id", "count", "share_percent" };
        foreach (var f in fields) columns.AddRange([$"{f}_min", $"{f}_mean", $"{f}_max"]);
        if (han) foreach (var f in fields) columns.AddRange([$"{f}_han_min", $"{f}_han_mean", $"{f}_han_max"]);
        writer.WriteLine(string.Join(",", columns));
        foreach (var row in report.Rows(grouping))
        {
            var values = new List<string>
            {
                row.Level.ToString().ToLowerInvariant(), Csv(row.Id), Csv(row.NameZh), Csv(row.NameEn), Csv(row.CategoryId),
                row.Count.ToString(s_invariant), row.SharePercent.ToString("R", s_invariant),
            };
            foreach (var field in Enum.GetValues<TextField>()) values.AddRange(Numbers(row[field].CodePoints));
            if (han) foreach (var field in Enum.GetValues<TextField>()) values.AddRange(Numbers(row[field].Han));
            writer.WriteLine(string.Join(",", values));
        }
    }

    private static string[] Numbers(LengthSummary s) =>
        [s.Min.ToString(s_invariant), s.Mean.ToString("R", s_invariant), s.Max.ToString(s_invariant)];

    private static string Csv(string? value)
    {
        if (value is null) return "";
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
