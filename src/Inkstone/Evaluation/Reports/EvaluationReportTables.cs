using Inkstone.Reports;
using Inkstone.Evaluation.Judgments;

namespace Inkstone.Evaluation.Reports;

/// <summary>Lays an <see cref="EvaluationReport"/> out as tables; every table states its definitions in its note.</summary>
public static class EvaluationReportTables
{
    public static IReadOnlyList<ReportTable> Build(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tables = new List<ReportTable>();
        foreach (var lang in report.Languages)
        {
            var m = lang.Matrix;
            var present = Enumerable.Range(0, m.Models.Count).Where(i => Enumerable.Range(0, m.Models.Count).Any(j => m.Counts(i, j).Comparisons > 0)).ToList();
            var rows = present.Select(i => (IReadOnlyList<string>)new[] { m.Models[i] }.Concat(present.Select(j =>
            {
                var cell = m.Cell(i, j);
                return cell is null ? "–" : cell.Counts.Comparisons == 0 ? "" : ReportFormat.Percent(cell.WinRate) + cell.SignificanceMark;
            })).ToArray()).ToList();
            tables.Add(new ReportTable($"Win rate (%) of row over column — {lang.Language} ({lang.Verdicts} verdicts)",
                new[] { "model" }.Concat(present.Select(i => m.Models[i])).ToArray(), rows,
                "(wins + ½·ties) ÷ comparisons; marks: two-sided exact binomial test of wins vs losses (ties left out), * p < 0.05, ** p < 0.01, *** p < 0.001"));

            tables.Add(new ReportTable($"Pairwise detail — {lang.Language}",
                ["row", "column", "wins", "losses", "ties", "win rate %", "Wilson 95% low", "Wilson 95% high", "p (sign test)", "significant"],
                m.Cells().Where(c => Index(m, c.Row) < Index(m, c.Column)).Select(c => (IReadOnlyList<string>)
                [
                    c.Row, c.Column, ReportFormat.Count(c.Counts.Wins), ReportFormat.Count(c.Counts.Losses), ReportFormat.Count(c.Counts.Ties),
                    ReportFormat.Percent(c.WinRate), ReportFormat.Percent(c.Interval.Lower), ReportFormat.Percent(c.Interval.Upper),
                    ReportFormat.PValue(c.PValue), c.IsSignificant() ? "yes" : "no",
                ]).ToList(),
                "each pair once, from the row model's side; Wilson interval of the win rate with ties as ½ a success"));

            if (lang.BradleyTerry is { } bt)
                tables.Add(new ReportTable($"Bradley–Terry ratings — {lang.Language}", ["model", "rating", "95% low", "95% high"],
                    bt.Ratings.OrderByDescending(r => r.Rating).Select(r => (IReadOnlyList<string>)
                        [r.Model, ReportFormat.Number(r.Rating, 1), ReportFormat.Number(r.Lower, 1), ReportFormat.Number(r.Upper, 1)]).ToList(),
                    $"rating = 400·log10(strength), shifted so the anchor (or the mean) is the anchor rating; ties as ½ win; percentile intervals from {bt.Resamples} seeded bootstrap resamples of queries"
                    + (bt.DegenerateResamples > 0 ? $" ({bt.DegenerateResamples} without a finite fit left out)" : "")));
            else if (lang.BradleyTerryProblem is { } problem)
                tables.Add(new ReportTable($"Bradley–Terry ratings — {lang.Language}", ["problem"], [[problem]]));

            if (lang.LengthControlled.Count > 0)
                tables.Add(new ReportTable($"Length-controlled win rate against the baseline — {lang.Language}",
                    ["model", "comparisons", "win rate %", "LC win rate %", "θ", "φ (length)", "ψ (difficulty)", "σ (chars)", "converged"],
                    lang.LengthControlled.Select(r => (IReadOnlyList<string>)
                    [
                        r.Model, ReportFormat.Count(r.Comparisons), ReportFormat.Number(r.WinRate, 2),
                        // An unconverged fit has no estimate: its coefficients are wherever Newton's method stopped.
                        r.Converged ? ReportFormat.Number(r.LengthControlledWinRate, 2) : "–",
                        r.Converged ? ReportFormat.Number(r.Theta) : "–", r.Converged ? ReportFormat.Number(r.LengthCoefficient) : "–",
                        r.Converged ? ReportFormat.Number(r.DifficultyCoefficient) : "–",
                        ReportFormat.Number(r.LengthScale, 1), r.Converged ? "yes" : "no",
                    ]).ToList(),
                    "logit P(model ≻ baseline) = θ + φ·tanh(Δchars/σ) + ψ·γ_query; LC = mean over queries of sigmoid(θ + ψ·γ) (see docs/evaluation.md)"
                    + (lang.LengthControlled.Any(r => !r.Converged)
                        ? "; – for a fit that did not converge (wins and losses separated perfectly): no LC win rate is estimated"
                        : "")));

            if (lang.GenreCounts.Count > 0)
            {
                var genreModels = lang.GenreCounts.Values.SelectMany(d => d.Keys).Distinct().OrderBy(x => report.Models.ToList().IndexOf(x)).ToList();
                tables.Add(new ReportTable($"Win rate (%) per genre against all other models — {lang.Language}",
                    new[] { "genre" }.Concat(genreModels).ToArray(),
                    lang.GenreCounts.Select(g => (IReadOnlyList<string>)new[] { g.Key }.Concat(genreModels.Select(model =>
                        g.Value.TryGetValue(model, out var c) ? $"{ReportFormat.Percent(c.WinRate)} ({c.Comparisons})" : "")).ToArray()).ToList(),
                    "(wins + ½·ties) ÷ comparisons over all the model's comparisons on the genre's queries; comparisons in parentheses"));
            }
        }

        var a = report.Agreement;
        var agreementRows = new List<IReadOnlyList<string>>();
        foreach (var (x, y, k) in a.CohenPerPair) agreementRows.Add([$"Cohen's κ {x} – {y}", ReportFormat.Number(k.Value), ReportFormat.Count(k.Items)]);
        if (a.Fleiss.Items > 0) agreementRows.Add(["Fleiss' κ (verdicts)", ReportFormat.Number(a.Fleiss.Value), ReportFormat.Count(a.Fleiss.Items)]);
        if (a.KrippendorffNominal.Items > 0) agreementRows.Add(["Krippendorff's α nominal (verdicts)", ReportFormat.Number(a.KrippendorffNominal.Value), ReportFormat.Count(a.KrippendorffNominal.Items)]);
        foreach (var (d, r) in a.RubricKrippendorffOrdinal.Where(kv => kv.Value.Items > 0))
            agreementRows.Add([$"Krippendorff's α ordinal ({RubricDimensions.Name(d)})", ReportFormat.Number(r.Value), ReportFormat.Count(r.Items)]);
        if (agreementRows.Count > 0)
            tables.Add(new ReportTable("Annotator agreement (human judgments)", ["measure", "value", "items"], agreementRows,
                "verdict items are (query, sample, model pair); a ranking contributes its implied pairs"));

        if (report.RubricMeans.Count > 0)
            tables.Add(new ReportTable("Rubric scores (mean, 0–3)", new[] { "model" }.Concat(RubricDimensions.All.Select(RubricDimensions.Name)).ToArray(),
                report.RubricMeans.Select(kv => (IReadOnlyList<string>)new[] { kv.Key }.Concat(RubricDimensions.All.Select(d =>
                    kv.Value.TryGetValue(d, out var s) ? $"{ReportFormat.Number(s.Mean, 2)} ({s.Count})" : "")).ToArray()).ToList()));

        if (report.LlmJudges.Count > 0)
            tables.Add(new ReportTable("LLM judges", ["judge", "verdicts", "position-inconsistent", "flip rate %", "agreement with humans %", "without ties %", "pairs"],
                report.LlmJudges.Select(j => (IReadOnlyList<string>)
                [
                    j.Judge, ReportFormat.Count(j.Verdicts), ReportFormat.Count(j.PositionInconsistent), ReportFormat.Percent(j.FlipRate),
                    ReportFormat.Percent(j.HumanAgreement.WithTies), ReportFormat.Percent(j.HumanAgreement.WithoutTies), ReportFormat.Count(j.HumanAgreement.Pairs),
                ]).ToList(),
                "flip rate = comparisons whose two presentation orders disagreed ÷ comparisons (those count as ties); agreement pairs each human verdict with the judge's verdict on the same comparison; 'without ties' keeps pairs where neither is a tie"));
        var settings = report.OutputOptions;
        foreach (var byLanguage in report.Outputs.GroupBy(o => o.Language))
        {
            var lang = byLanguage.Key;
            tables.Add(new ReportTable($"Answer length — {lang}",
                ["model", "answers", "chars mean", "chars median", "Q1", "Q3", "whisker low", "whisker high", "outliers", "tokens mean", "tokens median"],
                byLanguage.Select(o => (IReadOnlyList<string>)
                [
                    o.Model, ReportFormat.Count(o.Answers), ReportFormat.Number(o.Characters.Mean, 1), ReportFormat.Number(o.Characters.Median, 1),
                    ReportFormat.Number(o.Characters.Q1, 1), ReportFormat.Number(o.Characters.Q3, 1), ReportFormat.Number(o.Characters.LowerWhisker, 0),
                    ReportFormat.Number(o.Characters.UpperWhisker, 0), ReportFormat.Count(o.Characters.Outliers.Count),
                    o.Tokens is null ? "–" : ReportFormat.Number(o.Tokens.Mean, 1), o.Tokens is null ? "–" : ReportFormat.Number(o.Tokens.Median, 1),
                ]).ToList(),
                "characters = Unicode code points of the answer (reasoning split off); quartiles numpy-linear; whiskers at the furthest values within 1.5 × IQR of the box; " +
                (settings.TokenCounter is { } counter ? $"tokens by {counter.Name}" : "tokens = the call's output-token usage") + " (docs/text-metrics.md)"));
            tables.Add(new ReportTable($"Lexical diversity — {lang}", ["model", "TTR mean", "TTR median", "MATTR mean", "MTLD mean", "MTLD median"],
                byLanguage.Select(o => (IReadOnlyList<string>)
                    [o.Model, Opt(o.TtrMean), Opt(o.TtrMedian), Opt(o.MattrMean), Opt(o.MtldMean, 1), Opt(o.MtldMedian, 1)]).ToList(),
                "per answer, over word tokens (punctuation/whitespace tokens dropped, lower-cased); Chinese words from the jieba-compatible segmenter, English from the word tokenizer; " +
                $"TTR = distinct ÷ tokens; MATTR window {settings.Diversity.MattrWindow}; MTLD threshold {ReportFormat.Number(settings.Diversity.MtldThreshold, 2)}; " +
                "means and medians over the answers where the measure is defined (docs/text-metrics.md)"));
            if (lang == "en")
                tables.Add(new ReportTable("Cross-lingual contamination — en", ["model", "contaminated", "answers", "rate %"],
                    byLanguage.Select(o => (IReadOnlyList<string>)
                        [o.Model, ReportFormat.Count(o.Contaminated ?? 0), ReportFormat.Count(o.Answers), ReportFormat.Percent(o.ContaminationRate ?? double.NaN)]).ToList(),
                    $"answers to English prompts that contain Chinese text: ≥ {settings.Contamination.MinHanCharacters} Han characters, a run of ≥ {settings.Contamination.MinHanRun} " +
                    $"consecutive Han characters and a Han share of the letters ≥ {ReportFormat.Number(settings.Contamination.MinHanShare, 2)} (docs/text-metrics.md)"));
        }
        foreach (var byLanguage in report.Behaviors.GroupBy(b => b.Language))
            tables.Add(new ReportTable($"Reasoning behaviour (% of segments) — {byLanguage.Key}",
                new[] { "model", "segments" }.Concat(Analysis.ReasoningBehaviors.All.Select(Analysis.ReasoningBehaviors.Name)).ToArray(),
                byLanguage.Select(b => (IReadOnlyList<string>)new[] { b.Model, ReportFormat.Count(b.Segments) }
                    .Concat(Analysis.ReasoningBehaviors.All.Select(x => ReportFormat.Percent(b.Share(x)))).ToArray()).ToList(),
                "segments = lines of the reasoning then the answer; share = segments with the label ÷ labelled segments"));
        return tables;
    }

    private static string Opt(double? value) => value is { } v ? ReportFormat.Number(v) : "–";

    private static string Opt(double? value, int decimals) => value is { } v ? ReportFormat.Number(v, decimals) : "–";

    private static int Index(Statistics.WinRateMatrix m, string model)
    {
        for (var i = 0; i < m.Models.Count; i++)
            if (m.Models[i] == model) return i;
        return -1;
    }
}
