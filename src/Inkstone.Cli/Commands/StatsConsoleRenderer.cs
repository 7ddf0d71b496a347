using System.Globalization;
using Inkstone.Statistics;
using Spectre.Console;

namespace Inkstone.Cli.Commands;

/// <summary>Renders <c>inkstone stats</c> for a terminal: the statistics table, the balance audit and the length distribution.</summary>
public static class StatsConsoleRenderer
{
    /// <param name="tableOnly">Only the statistics table and the read summary (the demo's short form).</param>
    public static void Write(DatasetStatisticsReport report, StatisticsGrouping grouping, bool han, bool tableOnly = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Statistics;
        // Redirected output has no terminal width; a wide profile keeps each row on one line in files.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 240);
        var table = new Table().Title($"[bold]{Markup.Escape(report.Source)}[/] (lengths in code points: min–mean–max)");
        table.AddColumn(new TableColumn("group").NoWrap());
        table.AddColumn(new TableColumn("count").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("%").RightAligned().NoWrap());
        foreach (var header in han ? ["article", "prompt", "reasoning", "article (Han)", "prompt (Han)", "reasoning (Han)"] : new[] { "article", "prompt", "reasoning" })
            table.AddColumn(new TableColumn(header).NoWrap());
        foreach (var row in report.Rows(grouping))
        {
            var name = Markup.Escape(DatasetStatisticsText.RowName(row));
            name = row.Level switch
            {
                StatisticsLevel.Overall or StatisticsLevel.Category => $"[bold]{name}[/]",
                StatisticsLevel.Genre when grouping == StatisticsGrouping.All => "  " + name,
                _ => name,
            };
            var cells = new List<string>
            {
                name, row.Count.ToString(CultureInfo.InvariantCulture), DatasetStatisticsText.Share(row.SharePercent),
                DatasetStatisticsText.Range(row.Article.CodePoints), DatasetStatisticsText.Range(row.Prompt.CodePoints), DatasetStatisticsText.Range(row.Reasoning.CodePoints),
            };
            if (han) cells.AddRange([DatasetStatisticsText.Range(row.Article.Han), DatasetStatisticsText.Range(row.Prompt.Han), DatasetStatisticsText.Range(row.Reasoning.Han)]);
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
        if (tableOnly)
        {
            AnsiConsole.WriteLine(report.Summary.ToString());
            return;
        }

        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[bold]Balance audit[/] (minimum {0} per genre)", s.Balance.MinPerGenre);
        if (s.Balance.IsBalanced) AnsiConsole.WriteLine("  every genre reaches the minimum and every category has records");
        foreach (var c in s.Balance.CategoriesMissing)
            AnsiConsole.WriteLine($"  category missing: {c.NameEn} ({c.NameZh}, {c.Id})");
        if (s.Balance.GenresBelowMinimum.Count > 0)
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Balance.GenresBelowMinimum.Count} genres below the minimum:"));
        foreach (var g in s.Balance.GenresBelowMinimum)
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {g.Id,-28} {g.Count,6}  {g.NameZh}"));

        var distribution = new Table().Title("[bold]Length distribution[/] (half-decade buckets, code points)");
        distribution.AddColumn("length");
        distribution.AddColumn(new TableColumn("article").RightAligned());
        distribution.AddColumn(new TableColumn("prompt").RightAligned());
        distribution.AddColumn(new TableColumn("reasoning").RightAligned());
        foreach (var b in s.LengthDistribution)
            distribution.AddRow(b.Label, b.Article.ToString(CultureInfo.InvariantCulture), b.Prompt.ToString(CultureInfo.InvariantCulture), b.Reasoning.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(distribution);
        AnsiConsole.WriteLine(report.Summary.ToString());
    }
}
