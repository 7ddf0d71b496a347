using System.Text.Json.Nodes;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Reports;
using Inkstone.Reports.Documents;
using Inkstone.Reports.Figures;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Reports;

/// <summary>
/// Each evaluation figure draws the numbers of the report model, compared here with the JSON of <c>eval report</c>
/// (<see cref="EvaluationReportJson"/>), so a figure cannot drift from the table it illustrates.
/// </summary>
public sealed class EvalFiguresTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(EvaluationReport Report, JsonObject Json, IReadOnlyList<Figure> Figures)> BuildAsync()
    {
        var report = await EvalSamples.ReportAsync(_dir.Path, TestContext.Current.CancellationToken);
        return (report, EvaluationReportJson.Build(report), EvalFigures.Build(report));
    }

    private static JsonObject Language(JsonObject json, string language) =>
        json["languages"]!.AsArray().Single(l => l!["language"]!.GetValue<string>() == language)!.AsObject();

    [Fact]
    public async Task WinRateHeatMap_CellsAreTheJsonWinRates_NIsComparisons_MarkFromSignTest()
    {
        var (_, json, figures) = await BuildAsync();
        var map = Assert.IsType<HeatMapFigure>(figures.Single(f => f.Id == EvalFigures.WinRatesId("zh")));
        var cells = Language(json, "zh")["cells"]!.AsArray();
        Assert.Equal(cells.Count, map.Cells.Count);
        foreach (var c in cells)
        {
            var cell = map.Cells.Single(x => x.Row == c!["row"]!.GetValue<string>() && x.Column == c["column"]!.GetValue<string>());
            Assert.Equal(c!["win_rate"]!.GetValue<double>(), cell.Value);
            Assert.Equal(c["wins"]!.GetValue<int>() + c["losses"]!.GetValue<int>() + c["ties"]!.GetValue<int>(), cell.N);
            var p = c["p_value"]!.GetValue<double>();
            Assert.Equal(p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "", cell.Mark);
        }
        Assert.Contains(map.Cells, c => c.Mark.Length > 0);
        Assert.Equal(Language(json, "zh")["verdicts"]!.GetValue<int>(), map.N);
        Assert.DoesNotContain(map.Cells, c => c.Row == c.Column);
    }

    [Fact]
    public async Task Ratings_IntervalEndsAreTheBootstrapIntervals_HighestFirst()
    {
        var (_, json, figures) = await BuildAsync();
        var figure = Assert.IsType<IntervalFigure>(figures.Single(f => f.Id == EvalFigures.RatingsId("zh")));
        var ratings = Language(json, "zh")["bradley_terry"]!["ratings"]!.AsArray();
        Assert.Equal(ratings.Count, figure.Intervals.Count);
        foreach (var r in ratings)
        {
            var interval = figure.Intervals.Single(i => i.Category == r!["model"]!.GetValue<string>());
            Assert.Equal(r!["rating"]!.GetValue<double>(), interval.Value);
            Assert.Equal(r["low"]!.GetValue<double>(), interval.Low);
            Assert.Equal(r["high"]!.GetValue<double>(), interval.High);
            Assert.True(interval.Low <= interval.Value && interval.Value <= interval.High, interval.Category);
        }
        Assert.Equal(figure.Intervals.OrderByDescending(i => i.Value).Select(i => i.Category), figure.Intervals.Select(i => i.Category));
    }

    [Fact]
    public async Task Ratings_WithoutResamples_NoIntervalEnds()
    {
        var report = await EvalSamples.ReportAsync(_dir.Path, TestContext.Current.CancellationToken);
        var zh = report.Languages.Single(l => l.Language == "zh");
        var noBootstrap = zh with
        {
            BradleyTerry = zh.BradleyTerry! with
            {
                Resamples = 0,
                Ratings = [.. zh.BradleyTerry.Ratings.Select(r => r with { Lower = double.NaN, Upper = double.NaN })],
            },
        };
        var figure = EvalFigures.Ratings(noBootstrap);
        Assert.All(figure.Intervals, i => Assert.Null(i.Low));
        Assert.All(figure.Intervals, i => Assert.Null(i.High));
    }

    [Fact]
    public async Task AnswerLengthBoxes_QuartilesAndWhiskersAreTheModelsQuartiles()
    {
        var (report, json, figures) = await BuildAsync();
        foreach (var language in new[] { "zh", "en" })
        {
            var figure = Assert.IsType<BoxFigure>(figures.Single(f => f.Id == EvalFigures.LengthsId(language)));
            var outputs = json["outputs"]!.AsArray().Where(o => o!["language"]!.GetValue<string>() == language).ToList();
            Assert.Equal(outputs.Select(o => o!["model"]!.GetValue<string>()), figure.Boxes.Select(b => b.Category));
            foreach (var o in outputs)
            {
                var box = figure.Boxes.Single(b => b.Category == o!["model"]!.GetValue<string>());
                var c = o!["characters"]!;
                Assert.Equal(c["q1"]!.GetValue<double>(), box.Q1);
                Assert.Equal(c["median"]!.GetValue<double>(), box.Median);
                Assert.Equal(c["q3"]!.GetValue<double>(), box.Q3);
                Assert.Equal(c["lower_whisker"]!.GetValue<double>(), box.LowerWhisker);
                Assert.Equal(c["upper_whisker"]!.GetValue<double>(), box.UpperWhisker);
                Assert.Equal(c["outliers"]!.AsArray().Select(v => v!.GetValue<double>()), box.Outliers);
                Assert.Equal(o["answers"]!.GetValue<int>(), box.N);
            }
            Assert.Equal(report.Outputs.Where(o => o.Language == language).Sum(o => o.Answers), figure.N);
        }
    }

    [Fact]
    public async Task Diversity_BarsAreMeanTtrAndMattr_Contamination_BarsAreRatePercent()
    {
        var (_, json, figures) = await BuildAsync();
        foreach (var language in new[] { "zh", "en" })
        {
            var figure = Assert.IsType<BarFigure>(figures.Single(f => f.Id == EvalFigures.DiversityId(language)));
            var outputs = json["outputs"]!.AsArray().Where(o => o!["language"]!.GetValue<string>() == language).ToList();
            Assert.Equal(["TTR", "MATTR"], figure.Series.Select(s => s.Name));
            Assert.Equal(outputs.Select(o => o!["ttr_mean"]!.GetValue<double>()), figure.Series[0].Bars.Select(b => b.Value));
            Assert.Equal(outputs.Select(o => o!["mattr_mean"]!.GetValue<double>()), figure.Series[1].Bars.Select(b => b.Value));
        }
        var contamination = Assert.IsType<BarFigure>(figures.Single(f => f.Id == EvalFigures.ContaminationId));
        var en = json["outputs"]!.AsArray().Where(o => o!["language"]!.GetValue<string>() == "en").ToList();
        Assert.Equal(en.Select(o => o!["contamination_rate"]!.GetValue<double>() * 100), contamination.Series[0].Bars.Select(b => b.Value));
        Assert.Equal(en.Select(o => (long)o!["answers"]!.GetValue<int>()), contamination.Series[0].Bars.Select(b => b.N));
        Assert.Contains(contamination.Series[0].Bars, b => b.Value > 0);
    }

    [Fact]
    public async Task Behaviours_OneSeriesPerLabel_SharesPercent_PerLanguage()
    {
        var (report, json, figures) = await BuildAsync();
        foreach (var language in new[] { "zh", "en" })
        {
            var figure = Assert.IsType<BarFigure>(figures.Single(f => f.Id == EvalFigures.BehaviorsId(language)));
            var rows = json["behaviors"]!.AsArray().Where(b => b!["language"]!.GetValue<string>() == language).ToList();
            Assert.Equal(ReasoningBehaviors.All.Select(ReasoningBehaviors.Name), figure.Series.Select(s => s.Name));
            foreach (var series in figure.Series)
                Assert.Equal(rows.Select(r => r!["shares"]![series.Name]!.GetValue<double>() * 100), series.Bars.Select(b => b.Value));
            Assert.Equal(report.Behaviors.Where(b => b.Language == language).Sum(b => b.Segments), figure.N);
        }
    }

    [Fact]
    public async Task GenresAndLengthControlled_FromTheJson()
    {
        var (_, json, figures) = await BuildAsync();
        var zh = Language(json, "zh");
        var genres = Assert.IsType<BarFigure>(figures.Single(f => f.Id == EvalFigures.GenresId("zh")));
        foreach (var series in genres.Series)
            foreach (var bar in series.Bars.Where(b => b.N > 0))
            {
                var counts = zh["genres"]![bar.Category]![series.Name]!;
                Assert.Equal(counts["win_rate"]!.GetValue<double>() * 100, bar.Value, 12);
                Assert.Equal(counts["wins"]!.GetValue<int>() + counts["losses"]!.GetValue<int>() + counts["ties"]!.GetValue<int>(), bar.N);
            }
        var lc = Assert.IsType<BarFigure>(figures.Single(f => f.Id == EvalFigures.LengthControlledId("zh")));
        foreach (var row in zh["length_controlled"]!.AsArray())
        {
            var model = row!["model"]!.GetValue<string>();
            Assert.Equal(row["win_rate"]!.GetValue<double>() * 100, lc.Series[0].Bars.Single(b => b.Category == model).Value, 9);
            var bar = lc.Series[1].Bars.Single(b => b.Category == model);
            if (row["lc_win_rate"] is { } value) Assert.Equal(value.GetValue<double>() * 100, bar.Value, 9);
            else Assert.Equal((0.0, 0L), (bar.Value, bar.N));
        }
    }

    [Fact]
    public async Task OnlyWhatTheModelHas_NoGenerations_NoOutputFigures()
    {
        var judgments = await Inkstone.Evaluation.Judgments.JudgmentFileReader.ReadAllAsync([EvalSamples.Pairwise], null, TestContext.Current.CancellationToken);
        var report = EvaluationReportBuilder.Build(judgments, await EvalSamples.QueriesAsync(TestContext.Current.CancellationToken));
        var ids = EvalFigures.Build(report).Select(f => f.Id).ToList();
        Assert.Contains(EvalFigures.WinRatesId("zh"), ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("fig4", StringComparison.Ordinal) || id.StartsWith("fig5", StringComparison.Ordinal)
            || id.StartsWith("fig7", StringComparison.Ordinal) || id == EvalFigures.ContaminationId || id.StartsWith("lc-", StringComparison.Ordinal));
        // The report's tables are eval report's tables.
        var document = EvalReport.Build(report, []);
        Assert.Equal(EvaluationReportTables.Build(report).Select(t => t.Title), document.Tables.Select(t => t.Title));
    }
}
