using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Reports;
using Inkstone.Evaluation.Statistics;
using Inkstone.Text.Distributions;

namespace Inkstone.Reports.Figures;

/// <summary>
/// The evaluation report's figures, read off an <see cref="EvaluationReport"/> (what <c>inkstone eval report</c>
/// computes): each figure appears only when the report has its numbers, and draws exactly those numbers.
/// </summary>
public static class EvalFigures
{
    public static string WinRatesId(string language) => $"table2-win-rates-{language}";

    public static string RatingsId(string language) => $"bradley-terry-{language}";

    public static string LengthControlledId(string language) => $"lc-win-rates-{language}";

    public static string GenresId(string language) => $"genre-win-rates-{language}";

    public static string LengthsId(string language) => $"fig4-answer-length-{language}";

    public static string DiversityId(string language) => $"fig5-lexical-diversity-{language}";

    public static string BehaviorsId(string language) => $"fig7-8-reasoning-behaviour-{language}";

    public const string ContaminationId = "contamination";
    public const string JudgeAgreementId = "llm-judge-agreement";

    /// <summary>Table 2 and the ratings per language, then answers (Figs. 4–5, contamination), behaviours, genres, judges.</summary>
    public static IReadOnlyList<Figure> Build(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = new List<Figure>();
        foreach (var lang in report.Languages)
        {
            if (lang.Matrix.Cells().Any()) figures.Add(WinRates(lang));
            if (lang.BradleyTerry is not null) figures.Add(Ratings(lang));
            if (lang.LengthControlled.Count > 0) figures.Add(LengthControlled(lang));
        }
        figures.AddRange(Outputs(report));
        foreach (var byLanguage in report.Behaviors.GroupBy(b => b.Language))
            figures.Add(Behaviors(byLanguage.Key, [.. byLanguage]));
        foreach (var lang in report.Languages.Where(l => l.GenreCounts.Count > 0)) figures.Add(Genres(lang, report.Models));
        if (report.LlmJudges.Any(j => j.HumanAgreement.Pairs > 0)) figures.Add(JudgeAgreement(report.LlmJudges));
        return figures;
    }

    /// <summary>The answer figures only (Fig. 4, Fig. 5, contamination), for the paper's order.</summary>
    public static IReadOnlyList<Figure> Outputs(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = new List<Figure>();
        foreach (var byLanguage in report.Outputs.GroupBy(o => o.Language))
        {
            var outputs = byLanguage.Where(o => o.Answers > 0).ToList();
            if (outputs.Count == 0) continue;
            figures.Add(Lengths(byLanguage.Key, outputs));
            if (outputs.Any(o => o.TtrMean is not null || o.MattrMean is not null)) figures.Add(Diversity(byLanguage.Key, outputs, report.OutputOptions));
        }
        var contaminated = report.Outputs.Where(o => o.ContaminationRate is not null).ToList();
        if (contaminated.Count > 0) figures.Add(Contamination(contaminated, report.OutputOptions));
        return figures;
    }

    /// <summary>Table 2 of one language: row model beats column model, the cells of <c>eval report</c>'s matrix.</summary>
    public static HeatMapFigure WinRates(LanguageReport language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var m = language.Matrix;
        var cells = m.Cells().ToList();
        var present = m.Models.Where(x => cells.Any(c => c.Row == x)).ToList();
        return new HeatMapFigure
        {
            Id = WinRatesId(language.Language),
            Title = $"Win rate of row over column — {language.Language} (Table 2)",
            XLabel = "column model (opponent)",
            YLabel = "row model",
            Definition = "Each cell: (wins + ½·ties) ÷ comparisons of the row model against the column model, in %, with "
                + "the comparisons n; marks from the two-sided exact binomial (sign) test of wins against losses, ties "
                + "left out: * p < 0.05, ** p < 0.01, *** p < 0.001. White is 50 %; blue below, vermilion above.",
            N = language.Verdicts,
            Rows = present,
            Columns = present,
            Cells = [.. cells.Select(c => new HeatMapCell(c.Row, c.Column, c.WinRate, c.Counts.Comparisons, c.SignificanceMark))],
        };
    }

    public static IntervalFigure Ratings(LanguageReport language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var bt = language.BradleyTerry ?? throw new ArgumentException("the language has no Bradley–Terry ratings", nameof(language));
        var m = language.Matrix;
        long Comparisons(string model) => m.Models.Where(o => o != model).Sum(o => (long)m.Counts(model, o).Comparisons);
        return new IntervalFigure
        {
            Id = RatingsId(language.Language),
            Title = $"Bradley–Terry ratings — {language.Language}",
            XLabel = "rating (Elo-like points: 400·log10 strength)",
            YLabel = "model",
            Definition = "Each model's Bradley–Terry rating (ties as ½ win; shifted so the anchor, or the mean, is the "
                + "anchor rating) with its 95 % percentile interval from " + bt.Resamples + " seeded bootstrap resamples "
                + "of queries (no line without resamples); the n of a model is its comparisons. Highest first.",
            N = language.Verdicts,
            Intervals = [.. bt.Ratings.OrderByDescending(r => r.Rating).Select(r =>
                new FigureInterval(r.Model, r.Rating, Finite(r.Lower), Finite(r.Upper), Comparisons(r.Model)))],
        };
    }

    public static BarFigure LengthControlled(LanguageReport language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var rows = language.LengthControlled;
        return new BarFigure
        {
            Id = LengthControlledId(language.Language),
            Title = $"Length-controlled win rate against the baseline — {language.Language}",
            XLabel = "model",
            YLabel = "win rate against the baseline (%)",
            Definition = "Raw win rate against the baseline (ties ½) and the length-controlled win rate, the mean over "
                + "queries of sigmoid(θ + ψ·γ) from logit P = θ + φ·tanh(Δchars/σ) + ψ·γ; a fit that did not converge "
                + "has no LC bar (0, n = 0). The n of a bar is the comparisons against the baseline.",
            N = rows.Sum(r => (long)r.Comparisons),
            ValueFormat = "0.0",
            Series =
            [
                new FigureSeries("win rate", [.. rows.Select(r => new FigureBar(r.Model, r.WinRate, r.Comparisons))]),
                new FigureSeries("LC win rate", [.. rows.Select(r => r.Converged
                    ? new FigureBar(r.Model, r.LengthControlledWinRate, r.Comparisons) : new FigureBar(r.Model, 0, 0))]),
            ],
        };
    }

    /// <summary>Fig. 4: answer length in code points per model, the report's numpy-linear quartiles and 1.5 IQR whiskers.</summary>
    public static BoxFigure Lengths(string language, IReadOnlyList<ModelOutputAnalysis> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return new BoxFigure
        {
            Id = LengthsId(language),
            Title = $"Answer length per model — {language} (Fig. 4)",
            XLabel = "model",
            YLabel = "answer length (code points)",
            Definition = "Per model, the answers' lengths in Unicode code points (reasoning split off): box from Q1 to Q3 "
                + "(numpy-linear quantiles) with the median, whiskers at the furthest values within 1.5 × IQR of the box, "
                + "points beyond them; the n of a box is its answers.",
            N = outputs.Sum(o => (long)o.Answers),
            Boxes = [.. outputs.Select(o => Box(o.Model, o.Characters))],
        };
    }

    /// <summary>Fig. 5: mean TTR and MATTR per model (over the answers where each is defined).</summary>
    public static BarFigure Diversity(string language, IReadOnlyList<ModelOutputAnalysis> outputs, OutputAnalysisOptions settings)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(settings);
        static FigureBar Bar(string model, DistributionSummary? s) => s is null ? new(model, 0, 0) : new(model, s.Mean, s.Count);
        return new BarFigure
        {
            Id = DiversityId(language),
            Title = $"Lexical diversity per model — {language} (Fig. 5)",
            XLabel = "model",
            YLabel = "mean over answers (type-token ratio, 0–1)",
            Definition = "Per answer over word tokens (punctuation dropped, lower-cased; Chinese words from the "
                + "jieba-compatible segmenter): TTR = distinct ÷ tokens, MATTR = mean TTR of sliding windows of "
                + $"{settings.Diversity.MattrWindow} tokens; bars are means over the answers where the measure is defined "
                + "(their number is the n; 0 with n = 0 when undefined for all).",
            N = outputs.Sum(o => (long)o.Answers),
            ValueFormat = "0.000",
            Series =
            [
                new FigureSeries("TTR", [.. outputs.Select(o => Bar(o.Model, o.Diversity?.Ttr))]),
                new FigureSeries("MATTR", [.. outputs.Select(o => Bar(o.Model, o.Diversity?.Mattr))]),
            ],
        };
    }

    public static BarFigure Contamination(IReadOnlyList<ModelOutputAnalysis> outputs, OutputAnalysisOptions settings)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(settings);
        var rule = settings.Contamination;
        return new BarFigure
        {
            Id = ContaminationId,
            Title = "Cross-lingual contamination per model",
            XLabel = "model",
            YLabel = "answers to English prompts with Chinese text (%)",
            Definition = $"Contaminated answers ÷ answers × 100, an answer counting when it has ≥ {rule.MinHanCharacters} Han "
                + $"characters, a run of ≥ {rule.MinHanRun} consecutive Han characters and a Han share of the letters ≥ "
                + $"{rule.MinHanShare:0.00}; the n of a bar is the model's answers to English prompts.",
            N = outputs.Sum(o => (long)o.Answers),
            ValueFormat = "0.0",
            Series = [new FigureSeries("contamination", [.. outputs.Select(o => new FigureBar(o.Model, o.ContaminationRate!.Value * 100, o.Answers))])],
        };
    }

    /// <summary>Figs. 7–8: share of labelled segments per reasoning behaviour, per model.</summary>
    public static BarFigure Behaviors(string language, IReadOnlyList<BehaviorDistribution> distributions)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        return new BarFigure
        {
            Id = BehaviorsId(language),
            Title = $"Reasoning behaviour per model — {language} (Figs. 7–8)",
            XLabel = "share of labelled segments (%)",
            YLabel = "model",
            Definition = "Segments are the lines of the reasoning then the answer; a bar is the segments with the label ÷ "
                + "the model's labelled segments × 100; the n of a bar is the segments with the label.",
            N = distributions.Sum(d => (long)d.Segments),
            // Four bars a model: side by side their labels would overlap.
            Horizontal = true,
            ValueFormat = "0.0",
            Series = [.. ReasoningBehaviors.All.Select(b => new FigureSeries(ReasoningBehaviors.Name(b),
                [.. distributions.Select(d => new FigureBar(d.Model, Percent(d.Share(b)), d.Counts.GetValueOrDefault(b)))]))],
        };
    }

    public static BarFigure Genres(LanguageReport language, IReadOnlyList<string> modelOrder)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(modelOrder);
        var models = language.GenreCounts.Values.SelectMany(d => d.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(m => modelOrder.ToList().IndexOf(m)).ToList();
        return new BarFigure
        {
            Id = GenresId(language.Language),
            Title = $"Win rate per genre against all other models — {language.Language}",
            XLabel = "win rate (%)",
            YLabel = "genre",
            Definition = "Per genre and model: (wins + ½·ties) ÷ comparisons over all the model's comparisons on the "
                + "genre's queries, in %; the n of a bar is those comparisons (a model without one: no bar). The dashed "
                + "line is 50 %.",
            N = language.GenreCounts.Values.Sum(d => d.Values.Sum(c => (long)c.Comparisons)) / 2,
            Horizontal = true,
            ValueFormat = "0.0",
            ReferenceLine = 50,
            ReferenceLabel = "50 %",
            Series = [.. models.Select(m => new FigureSeries(m, [.. language.GenreCounts.Select(g =>
                g.Value.TryGetValue(m, out var c) ? new FigureBar(g.Key, Percent(c.WinRate), c.Comparisons) : new FigureBar(g.Key, 0, 0))]))],
        };
    }

    public static BarFigure JudgeAgreement(IReadOnlyList<LlmJudgeReport> judges)
    {
        ArgumentNullException.ThrowIfNull(judges);
        var withPairs = judges.Where(j => j.HumanAgreement.Pairs > 0).ToList();
        return new BarFigure
        {
            Id = JudgeAgreementId,
            Title = "LLM judge agreement with human verdicts",
            XLabel = "judge",
            YLabel = "verdicts agreeing with the human one (%)",
            Definition = "Each human verdict paired with the judge's verdict on the same comparison (query, sample, pair): "
                + "the share that agree, with ties as a verdict of their own and without the pairs where either is a tie; "
                + "the n of a bar is the pairs it rests on.",
            N = withPairs.Sum(j => (long)j.HumanAgreement.Pairs),
            ValueFormat = "0.0",
            Series =
            [
                new FigureSeries("with ties", [.. withPairs.Select(j => new FigureBar(j.Judge, Percent(j.HumanAgreement.WithTies), j.HumanAgreement.Pairs))]),
                new FigureSeries("without ties", [.. withPairs.Select(j => new FigureBar(j.Judge, Percent(j.HumanAgreement.WithoutTies), j.HumanAgreement.DecisivePairs))]),
            ],
        };
    }

    private static FigureBox Box(string category, DistributionSummary s) =>
        new(category, s.LowerWhisker, s.Q1, s.Median, s.Q3, s.UpperWhisker, s.Outliers, s.Count);

    private static double Percent(double proportion) => double.IsNaN(proportion) ? 0 : proportion * 100;

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
