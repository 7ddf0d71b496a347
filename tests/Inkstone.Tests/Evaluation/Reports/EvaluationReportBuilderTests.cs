using Inkstone.Reports;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Reports;
using Inkstone.Evaluation.Statistics;
using Inkstone.Tests.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Reports;

public sealed class EvaluationReportBuilderTests
{
    private static JudgmentSet FromOutcomes(IEnumerable<PairwiseOutcome> outcomes)
    {
        var set = new JudgmentSet();
        set.Pairwise.AddRange(outcomes.Select(o => new PairwiseJudgment(o.QueryId, o.ModelA, o.ModelB, o.Judge, JudgeKind.Human, o.Verdict, "pairwise", "test")));
        return set;
    }

    [Fact]
    public void Build_PaperChineseTable_MarkdownShowsPercentagesAndSignificance()
    {
        var set = FromOutcomes(PaperTable2.Verdicts(PaperTable2.Chinese, 204, 0));
        var queries = set.Pairwise.Select(p => p.QueryId).Distinct().Select(id => new BenchmarkQuery(id, "zh", "poetry", "q", new())).ToList();
        var report = EvaluationReportBuilder.Build(set, queries, null, new EvaluationReportOptions { Models = PaperTable2.Models, BradleyTerry = new BradleyTerryOptions { Resamples = 50 } });
        var zh = Assert.Single(report.Languages);
        Assert.Equal("zh", zh.Language);
        var md = ReportTableWriter.ToMarkdown(EvaluationReportTables.Build(report));
        // the M_CW+10k row of Table 2 with significance marks (all four differ significantly)
        Assert.Contains("| M_CW+10k | 74.02\\*\\*\\* | 67.65\\*\\*\\* | 58.33\\* | – | 62.75\\*\\*\\* |", md, StringComparison.Ordinal);
        // M_CW+5k vs M_G: 50.00, not significant
        Assert.Contains("| M_CW+5k | 67.65\\*\\*\\* | 60.29\\*\\* | – | 41.67\\* | 50.00 |", md, StringComparison.Ordinal);
        // Bradley–Terry orders the models as the paper's Chinese results do
        Assert.Equal(["M_CW+10k", "M_CW+5k", "M_G", "M_CW+1k", "M_CW"], zh.BradleyTerry!.Ratings.OrderByDescending(r => r.Rating).Select(r => r.Model));
    }

    [Fact]
    public void Build_GenreAndAgreement_FromHandData()
    {
        BenchmarkQuery[] queries = [new("q1", "zh", "poetry", "q", new()), new("q2", "zh", "slogan", "q", new()), new("e1", "en", "slogan", "q", new())];
        var set = FromOutcomes(
        [
            new("q1", "X", "Y", "h1", Verdict.A), new("q1", "X", "Y", "h2", Verdict.A),
            new("q2", "X", "Y", "h1", Verdict.B), new("q2", "Y", "X", "h2", Verdict.Tie),
            new("e1", "X", "Y", "h1", Verdict.A), new("e1", "Y", "X", "h2", Verdict.B),
        ]);
        var report = EvaluationReportBuilder.Build(set, queries, null, new EvaluationReportOptions { BradleyTerry = new BradleyTerryOptions { Resamples = 0 } });
        Assert.Equal(["zh", "en"], report.Languages.Select(l => l.Language));
        var zh = report.Languages[0];
        Assert.Equal(new PairCounts(2, 0, 0), zh.GenreCounts["poetry"]["X"]);
        Assert.Equal(new PairCounts(0, 1, 1), zh.GenreCounts["slogan"]["X"]);
        Assert.Equal(0.75, zh.GenreCounts["slogan"]["Y"].WinRate, 12);
        Assert.Equal(new PairCounts(2, 1, 1), zh.Matrix.Counts("X", "Y"));
        // Items: q1 (X,X), q2 (Y,tie), e1 (X,X) → h1 vs h2 agree on 2 of 3.
        // h1: X,Y,X → p(X)=2/3, p(Y)=1/3; h2: X,tie,X → p(X)=2/3; pₑ = 4/9; κ = (2/3 − 4/9)/(5/9) = 0.4
        var (a, b, kappa) = Assert.Single(report.Agreement.CohenPerPair);
        Assert.Equal(("h1", "h2"), (a, b));
        Assert.Equal(0.4, kappa.Value, 12);
    }

    [Fact]
    public void Build_WithGenerations_ComputesLengthControlledWinRate()
    {
        // Same design as the known LC case: the model wins 6 of 8 when 100 chars longer and 1 of 4 when 100 shorter.
        var set = new JudgmentSet();
        var gens = new List<GenerationRecord>();
        for (var i = 0; i < 12; i++)
        {
            var longer = i < 8;
            var wins = longer ? i < 6 : i < 9;
            set.Pairwise.Add(new PairwiseJudgment($"q{i}", "M", "B", "h", JudgeKind.Human, wins ? Verdict.A : Verdict.B, "pairwise", "t"));
            gens.Add(new GenerationRecord($"q{i}", "M", 0, new string('字', longer ? 300 : 100), null, null, null, 0, null, null, DateTimeOffset.UnixEpoch));
            gens.Add(new GenerationRecord($"q{i}", "B", 0, new string('字', 200), null, null, null, 0, null, null, DateTimeOffset.UnixEpoch));
        }
        var report = EvaluationReportBuilder.Build(set, null, gens, new EvaluationReportOptions { Baseline = "B", BradleyTerry = new BradleyTerryOptions { Resamples = 0 } });
        var lc = Assert.Single(Assert.Single(report.Languages).LengthControlled);
        Assert.Equal("M", lc.Model);
        Assert.Equal(100.0 * 7 / 12, lc.WinRate, 9);
        Assert.Equal(50, lc.LengthControlledWinRate, 6);
    }

    [Fact]
    public void Build_LlmJudge_ReportsFlipRateAndHumanAgreement()
    {
        var set = FromOutcomes([new("q1", "X", "Y", "h1", Verdict.A), new("q2", "X", "Y", "h1", Verdict.B)]);
        set.Pairwise.Add(new PairwiseJudgment("q1", "X", "Y", "gpt", JudgeKind.Llm, Verdict.A, "llm", "t"));
        set.Pairwise.Add(new PairwiseJudgment("q2", "X", "Y", "gpt", JudgeKind.Llm, Verdict.Tie, "llm", "t", PositionInconsistent: true));
        // the same judge on another sample of q1 is a different comparison (and has no human counterpart)
        set.Pairwise.Add(new PairwiseJudgment("q1", "X", "Y", "gpt", JudgeKind.Llm, Verdict.B, "llm", "t", Sample: 1));
        var report = EvaluationReportBuilder.Build(set, null, null, new EvaluationReportOptions { BradleyTerry = new BradleyTerryOptions { Resamples = 0 } });
        var judge = Assert.Single(report.LlmJudges);
        Assert.Equal(1.0 / 3, judge.FlipRate, 12);
        Assert.Equal(0.5, judge.HumanAgreement.WithTies, 12);
        Assert.Equal(1.0, judge.HumanAgreement.WithoutTies, 12);
        // human verdicts only in the matrix by default
        Assert.Equal(2, report.Languages[0].Matrix.Counts("X", "Y").Comparisons);
    }

    [Fact]
    public void Build_UnconvergedLengthControlledFit_NoEstimateInTablesOrJsonAndANote()
    {
        // X wins exactly where its answer is longer than the baseline's: the length term separates the verdicts perfectly.
        var set = FromOutcomes(Enumerable.Range(1, 8).Select(i => new PairwiseOutcome($"q{i}", "X", "B", "h1", i <= 3 ? Verdict.A : Verdict.B)));
        var queries = Enumerable.Range(1, 8).Select(i => new BenchmarkQuery($"q{i}", "zh", "slogan", "q", new())).ToList();
        var generations = Enumerable.Range(1, 8).SelectMany(i => new[]
        {
            new GenerationRecord($"q{i}", "B", 0, new string('字', 50), null, null, null, 1, "stop", null, DateTimeOffset.UnixEpoch),
            new GenerationRecord($"q{i}", "X", 0, new string('字', i <= 3 ? 80 + i : 20 + i), null, null, null, 1, "stop", null, DateTimeOffset.UnixEpoch),
        }).ToList();
        var report = EvaluationReportBuilder.Build(set, queries, generations,
            new EvaluationReportOptions { Baseline = "B", BradleyTerry = new BradleyTerryOptions { Resamples = 0 } });

        var lc = Assert.Single(report.Languages[0].LengthControlled);
        Assert.False(lc.Converged);
        Assert.Contains(report.Notes, n => n.StartsWith("zh: the length-controlled fit of X against B did not converge", StringComparison.Ordinal));
        var table = EvaluationReportTables.Build(report).Single(t => t.Title.StartsWith("Length-controlled", StringComparison.Ordinal));
        Assert.Equal(["X", "8", "37.50", "–", "–", "–", "–", "29.0", "no"], table.Rows.Single());
        var json = EvaluationReportJson.Build(report)["languages"]![0]!["length_controlled"]![0]!;
        Assert.Null(json["lc_win_rate"]);
        Assert.Null(json["theta"]);
        Assert.False(json["converged"]!.GetValue<bool>());
        Assert.Equal(0.375, json["win_rate"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void Build_AnchorWithoutVerdictsInALanguage_PlainProblemForThatLanguageOnly()
    {
        BenchmarkQuery[] queries = [new("z1", "zh", "slogan", "q", new()), new("e1", "en", "slogan", "q", new())];
        var set = FromOutcomes(
        [
            new("z1", "X", "Y", "h1", Verdict.A), new("z1", "Y", "X", "h2", Verdict.A),
            new("e1", "Y", "Z", "h1", Verdict.A), new("e1", "Z", "Y", "h2", Verdict.A),
        ]);
        var report = EvaluationReportBuilder.Build(set, queries, null,
            new EvaluationReportOptions { BradleyTerry = new BradleyTerryOptions { Resamples = 0, Anchor = "X" } });
        Assert.Equal(1000, report.Languages[0].BradleyTerry!.Ratings.Single(r => r.Model == "X").Rating, 9);
        Assert.Null(report.Languages[1].BradleyTerry);
        Assert.Equal("anchor model 'X' has no verdicts in this language; ratings need an anchor that was compared",
            report.Languages[1].BradleyTerryProblem);
    }
}
