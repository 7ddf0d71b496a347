using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Reports;

/// <summary>
/// Computes the evaluation report from judgments, the query set (for each query's language and genre) and, when given,
/// the generations (answer lengths for the length-controlled win rate). Pure: no I/O.
/// </summary>
public static class EvaluationReportBuilder
{
    public const string UnknownLanguage = "?";

    public static EvaluationReport Build(JudgmentSet judgments, IReadOnlyList<BenchmarkQuery>? queries = null,
        IReadOnlyList<GenerationRecord>? generations = null, EvaluationReportOptions? options = null,
        IReadOnlyList<BehaviorLabel>? behaviorLabels = null)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        options ??= new EvaluationReportOptions();
        var notes = new List<string>();
        var byId = (queries ?? []).ToDictionary(q => q.Id, StringComparer.Ordinal);

        var selected = judgments.Pairwise.Where(p => options.Judges switch
        {
            JudgeSelection.Human => p.JudgeKind == JudgeKind.Human,
            JudgeSelection.Llm => p.JudgeKind == JudgeKind.Llm,
            _ => true,
        }).ToList();
        var models = options.Models.Concat(judgments.Pairwise.SelectMany(p => new[] { p.ModelA, p.ModelB }))
            .Concat(judgments.Rubric.Select(r => r.Model)).Distinct(StringComparer.Ordinal).ToList();

        string LanguageOf(string queryId) => byId.TryGetValue(queryId, out var q) ? q.Language : queries is null ? "all" : UnknownLanguage;
        if (queries is not null)
        {
            var unknown = selected.Where(p => !byId.ContainsKey(p.QueryId)).Select(p => p.QueryId).Distinct().ToList();
            if (unknown.Count > 0)
                notes.Add($"{unknown.Count} judged queries are not in the query set (e.g. '{unknown[0]}'); their verdicts are reported under language '{UnknownLanguage}'");
        }

        var lengths = generations?.Where(g => g.Succeeded).GroupBy(g => (g.QueryId, g.Model, g.Sample))
            .ToDictionary(g => g.Key, g => (double)g.Last().Answer!.EnumerateRunes().Count());

        var languages = new List<LanguageReport>();
        foreach (var group in selected.GroupBy(p => LanguageOf(p.QueryId)).OrderBy(g => LanguageOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = group.ToList();
            var outcomes = list.Select(p => p.ToOutcome()).ToList();
            var matrix = WinRateMatrix.Build(outcomes, models);
            BradleyTerryResult? bt = null;
            string? btProblem = null;
            var compared = matrix.Models.Where(m => outcomes.Any(o => o.ModelA == m || o.ModelB == m)).ToList();
            if (options.BradleyTerry.Anchor is { } anchor && !compared.Contains(anchor))
                btProblem = $"anchor model '{anchor}' has no verdicts in this language; ratings need an anchor that was compared";
            else
            {
                try { bt = BradleyTerry.Fit(outcomes, options.BradleyTerry, compared); }
                catch (InvalidOperationException ex) { btProblem = ex.Message; }
                catch (ArgumentException ex) { btProblem = WithoutParameter(ex); }
            }
            if (bt is { DegenerateResamples: > 0 })
                notes.Add($"{group.Key}: {bt.DegenerateResamples} of {bt.Resamples} bootstrap resamples had no finite (or no converged) Bradley–Terry fit and were left out of the intervals");

            var lc = new List<LengthControlledResult>();
            if (options.Baseline is not null && lengths is not null)
                lc.AddRange(LengthControlled(list, options.Baseline, lengths, group.Key, notes));

            var genres = new Dictionary<string, IReadOnlyDictionary<string, PairCounts>>(StringComparer.Ordinal);
            foreach (var byGenre in list.Where(p => byId.ContainsKey(p.QueryId)).GroupBy(p => byId[p.QueryId].Genre).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var perModel = new Dictionary<string, PairCounts>(StringComparer.Ordinal);
                foreach (var p in byGenre)
                {
                    perModel[p.ModelA] = perModel.GetValueOrDefault(p.ModelA).Add(p.Verdict);
                    perModel[p.ModelB] = perModel.GetValueOrDefault(p.ModelB).Add(p.ToOutcome().From(p.ModelB));
                }
                genres[byGenre.Key] = perModel;
            }
            languages.Add(new LanguageReport(group.Key, list.Count, matrix, bt, btProblem, lc, genres));
        }

        var agreement = Agreement(judgments);
        var rubricMeans = judgments.Rubric.Where(r => r.JudgeKind == JudgeKind.Human || options.Judges != JudgeSelection.Human)
            .SelectMany(r => r.Scores.Select(s => (r.Model, Dimension: s.Key, Score: s.Value)))
            .GroupBy(x => x.Model, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<RubricDimension, (double, int)>)g.GroupBy(x => x.Dimension)
                .ToDictionary(d => d.Key, d => (d.Average(x => (double)x.Score), d.Count())), StringComparer.Ordinal);

        // Agreement pairs verdicts on the same comparison, which includes the generation sample.
        static PairwiseOutcome PerSample(PairwiseJudgment p) => p.ToOutcome() with { QueryId = $"{p.QueryId}\u0001{p.Sample}" };
        var human = judgments.Pairwise.Where(p => p.JudgeKind == JudgeKind.Human).Select(PerSample).ToList();
        var llm = judgments.Pairwise.Where(p => p.JudgeKind == JudgeKind.Llm).GroupBy(p => p.Judge, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var inconsistent = g.Count(p => p.PositionInconsistent);
                return new LlmJudgeReport(g.Key, g.Count(), inconsistent, PositionSwap.FlipRate(inconsistent, g.Count()),
                    JudgeAgreement.Compute(human, g.Select(PerSample)));
            }).ToList();

        IReadOnlyList<ModelOutputAnalysis> outputs = [];
        if (generations is not null && queries is not null)
        {
            outputs = OutputAnalyzer.Analyze(generations, queries, options.Outputs, models);
            if (options.Outputs.ChineseSegmenter is null && outputs.Any(o => o.Language == "zh"))
                notes.Add("Chinese TTR/MATTR/MTLD need a word segmenter (the jieba-compatible one) and were not computed");
        }
        else if (generations is not null) notes.Add("output analyses need --queries (for each answer's language)");

        var behaviors = behaviorLabels is null ? [] : BehaviorDistribution.Compute(behaviorLabels, byId.ToDictionary(kv => kv.Key, kv => kv.Value.Language, StringComparer.Ordinal));
        return new EvaluationReport(models, languages, agreement, rubricMeans, llm, outputs, behaviors, notes, options.Outputs);
    }

    private static int LanguageOrder(string language) => language switch { "zh" => 0, "en" => 1, "all" => 2, _ => 3 };

    private static IEnumerable<LengthControlledResult> LengthControlled(List<PairwiseJudgment> list, string baseline,
        Dictionary<(string, string, int), double> lengths, string language, List<string> notes)
    {
        var rows = new List<BaselineComparison>();
        var missing = 0;
        foreach (var p in list)
        {
            if (p.ModelA != baseline && p.ModelB != baseline) continue;
            var model = p.ModelA == baseline ? p.ModelB : p.ModelA;
            if (!lengths.TryGetValue((p.QueryId, model, p.Sample), out var lm) || !lengths.TryGetValue((p.QueryId, baseline, p.Sample), out var lb))
            {
                missing++;
                continue;
            }
            var preference = p.ToOutcome().From(model) switch { Verdict.A => 1.0, Verdict.B => 0.0, _ => 0.5 };
            rows.Add(new BaselineComparison(p.QueryId, model, preference, lm - lb));
        }
        if (missing > 0) notes.Add($"{language}: {missing} verdicts against {baseline} have no generation for one side and are not in the length-controlled win rate");
        if (rows.Count == 0)
        {
            notes.Add($"{language}: no verdicts against baseline '{baseline}' with both answers' lengths; no length-controlled win rate");
            return [];
        }
        var results = LengthControlledWinRate.ComputeAll(rows);
        foreach (var r in results.Where(r => !r.Converged))
            notes.Add($"{language}: the length-controlled fit of {r.Model} against {baseline} did not converge (its wins and "
                + "losses are separated perfectly by the length or difficulty term); no LC win rate is estimated for it");
        return results;
    }

    /// <summary>The message of an argument exception without the " (Parameter 'x')" that .NET appends for developers.</summary>
    private static string WithoutParameter(ArgumentException ex) =>
        ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;

    /// <summary>
    /// Human verdicts as reliability data: an item is (query, sample, unordered pair); its value is 0 if the first model
    /// in ordinal order won, 1 if the second won, 2 for a tie. Rubric scores: an item is (query, sample, model) per dimension.
    /// </summary>
    private static AgreementReport Agreement(JudgmentSet judgments)
    {
        var verdicts = new List<RaterValue>();
        foreach (var p in judgments.Pairwise.Where(p => p.JudgeKind == JudgeKind.Human))
        {
            var (first, second) = string.CompareOrdinal(p.ModelA, p.ModelB) <= 0 ? (p.ModelA, p.ModelB) : (p.ModelB, p.ModelA);
            var v = p.ToOutcome().From(first) switch { Verdict.A => 0, Verdict.B => 1, _ => 2 };
            verdicts.Add(new RaterValue($"{p.QueryId}\u0001{p.Sample}\u0001{first}\u0001{second}", p.Judge, v));
        }
        var rubric = new Dictionary<RubricDimension, AgreementResult>();
        foreach (var dimension in RubricDimensions.All)
        {
            var values = judgments.Rubric.Where(r => r.JudgeKind == JudgeKind.Human && r.Scores.ContainsKey(dimension))
                .Select(r => new RaterValue($"{r.QueryId}\u0001{r.Sample}\u0001{r.Model}", r.Judge, r.Scores[dimension])).ToList();
            if (values.Count > 0) rubric[dimension] = KrippendorffAlpha.Compute(values, KrippendorffMetric.Ordinal);
        }
        return new AgreementReport(CohenKappa.PerPair(verdicts), FleissKappa.Compute(verdicts),
            KrippendorffAlpha.Compute(verdicts, KrippendorffMetric.Nominal), rubric);
    }
}
