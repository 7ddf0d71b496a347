using System.Text.Json.Nodes;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Judgments;
using Inkstone.Text.Distributions;

namespace Inkstone.Evaluation.Reports;

/// <summary>The report as JSON with raw numbers (proportions in [0, 1], not percentages; NaN as null).</summary>
public static class EvaluationReportJson
{
    public static JsonObject Build(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var languages = new JsonArray();
        foreach (var lang in report.Languages)
        {
            var cells = new JsonArray();
            foreach (var c in lang.Matrix.Cells())
                cells.Add(new JsonObject
                {
                    ["row"] = c.Row, ["column"] = c.Column,
                    ["wins"] = c.Counts.Wins, ["losses"] = c.Counts.Losses, ["ties"] = c.Counts.Ties,
                    ["win_rate"] = N(c.WinRate), ["wilson_low"] = N(c.Interval.Lower), ["wilson_high"] = N(c.Interval.Upper),
                    ["p_value"] = N(c.PValue), ["significant"] = c.IsSignificant(),
                });
            var bt = lang.BradleyTerry is null ? null : new JsonObject
            {
                ["resamples"] = lang.BradleyTerry.Resamples,
                ["degenerate_resamples"] = lang.BradleyTerry.DegenerateResamples,
                ["ratings"] = new JsonArray(lang.BradleyTerry.Ratings.Select(r => (JsonNode)new JsonObject
                {
                    ["model"] = r.Model, ["rating"] = N(r.Rating), ["low"] = N(r.Lower), ["high"] = N(r.Upper),
                }).ToArray()),
            };
            languages.Add(new JsonObject
            {
                ["language"] = lang.Language,
                ["verdicts"] = lang.Verdicts,
                ["cells"] = cells,
                ["bradley_terry"] = bt,
                ["bradley_terry_problem"] = lang.BradleyTerryProblem,
                ["length_controlled"] = new JsonArray(lang.LengthControlled.Select(r => (JsonNode)new JsonObject
                {
                    ["model"] = r.Model, ["comparisons"] = r.Comparisons, ["win_rate"] = N(r.WinRate / 100),
                    // An unconverged fit has no estimate: no LC win rate and no coefficients, only converged: false.
                    ["lc_win_rate"] = r.Converged ? N(r.LengthControlledWinRate / 100) : null,
                    ["theta"] = r.Converged ? N(r.Theta) : null, ["phi"] = r.Converged ? N(r.LengthCoefficient) : null,
                    ["psi"] = r.Converged ? N(r.DifficultyCoefficient) : null, ["sigma"] = N(r.LengthScale), ["converged"] = r.Converged,
                }).ToArray()),
                ["genres"] = new JsonObject(lang.GenreCounts.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)new JsonObject(g.Value.Select(m =>
                    KeyValuePair.Create(m.Key, (JsonNode?)new JsonObject
                    {
                        ["wins"] = m.Value.Wins, ["losses"] = m.Value.Losses, ["ties"] = m.Value.Ties, ["win_rate"] = N(m.Value.WinRate),
                    })))))),
            });
        }
        var a = report.Agreement;
        return new JsonObject
        {
            ["models"] = new JsonArray(report.Models.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            ["languages"] = languages,
            ["agreement"] = new JsonObject
            {
                ["cohen_kappa"] = new JsonArray(a.CohenPerPair.Select(p => (JsonNode)new JsonObject
                {
                    ["rater_a"] = p.RaterA, ["rater_b"] = p.RaterB, ["kappa"] = N(p.Kappa.Value), ["items"] = p.Kappa.Items,
                }).ToArray()),
                ["fleiss_kappa"] = new JsonObject { ["value"] = N(a.Fleiss.Value), ["items"] = a.Fleiss.Items },
                ["krippendorff_alpha_nominal"] = new JsonObject { ["value"] = N(a.KrippendorffNominal.Value), ["items"] = a.KrippendorffNominal.Items },
                ["rubric_krippendorff_alpha_ordinal"] = new JsonObject(a.RubricKrippendorffOrdinal.Select(kv =>
                    KeyValuePair.Create(RubricDimensions.Name(kv.Key), (JsonNode?)new JsonObject { ["value"] = N(kv.Value.Value), ["items"] = kv.Value.Items }))),
            },
            ["rubric_means"] = new JsonObject(report.RubricMeans.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject(kv.Value.Select(d =>
                KeyValuePair.Create(RubricDimensions.Name(d.Key), (JsonNode?)new JsonObject { ["mean"] = N(d.Value.Mean), ["count"] = d.Value.Count })))))),
            ["llm_judges"] = new JsonArray(report.LlmJudges.Select(j => (JsonNode)new JsonObject
            {
                ["judge"] = j.Judge, ["verdicts"] = j.Verdicts, ["position_inconsistent"] = j.PositionInconsistent, ["flip_rate"] = N(j.FlipRate),
                ["human_agreement"] = N(j.HumanAgreement.WithTies), ["human_agreement_without_ties"] = N(j.HumanAgreement.WithoutTies),
                ["pairs"] = j.HumanAgreement.Pairs,
            }).ToArray()),
            ["outputs"] = new JsonArray(report.Outputs.Select(o => (JsonNode)new JsonObject
            {
                ["language"] = o.Language, ["model"] = o.Model, ["answers"] = o.Answers,
                ["characters"] = Box(o.Characters), ["tokens"] = o.Tokens is null ? null : Box(o.Tokens),
                ["ttr_mean"] = N(o.TtrMean), ["ttr_median"] = N(o.TtrMedian), ["mattr_mean"] = N(o.MattrMean),
                ["mtld_mean"] = N(o.MtldMean), ["mtld_median"] = N(o.MtldMedian),
                ["ttr_undefined"] = o.Diversity?.TtrUndefined, ["mattr_undefined"] = o.Diversity?.MattrUndefined, ["mtld_undefined"] = o.Diversity?.MtldUndefined,
                ["contaminated"] = o.Contaminated, ["contamination_rate"] = N(o.ContaminationRate),
            }).ToArray()),
            ["output_settings"] = OutputSettings(report.OutputOptions),
            ["behaviors"] = new JsonArray(report.Behaviors.Select(b => (JsonNode)new JsonObject
            {
                ["language"] = b.Language, ["model"] = b.Model, ["segments"] = b.Segments,
                ["shares"] = new JsonObject(Analysis.ReasoningBehaviors.All.Select(x => KeyValuePair.Create(Analysis.ReasoningBehaviors.Name(x), (JsonNode?)N(b.Share(x))))),
            }).ToArray()),
            ["notes"] = new JsonArray(report.Notes.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
        };
    }

    private static JsonObject OutputSettings(OutputAnalysisOptions o) => new()
    {
        ["chinese_segmenter"] = o.ChineseSegmenter?.GetType().Name,
        ["tokenizer"] = o.TokenCounter?.Name,
        ["keep_punctuation"] = o.Diversity.KeepPunctuation, ["case_sensitive"] = o.Diversity.CaseSensitive,
        ["mattr_window"] = o.Diversity.MattrWindow, ["mtld_threshold"] = o.Diversity.MtldThreshold,
        ["contamination_rule"] = new JsonObject
        {
            ["min_han"] = o.Contamination.MinHanCharacters, ["min_han_run"] = o.Contamination.MinHanRun, ["min_han_share"] = o.Contamination.MinHanShare,
        },
    };

    // The field names of docs/text-metrics.md ("Distribution summaries").
    private static JsonObject Box(DistributionSummary b) => new()
    {
        ["count"] = b.Count, ["mean"] = N(b.Mean), ["min"] = N(b.Min), ["q1"] = N(b.Q1), ["median"] = N(b.Median), ["q3"] = N(b.Q3), ["max"] = N(b.Max),
        ["iqr"] = N(b.Iqr), ["lower_fence"] = N(b.LowerFence), ["upper_fence"] = N(b.UpperFence),
        ["lower_whisker"] = N(b.LowerWhisker), ["upper_whisker"] = N(b.UpperWhisker),
        ["outliers"] = new JsonArray(b.Outliers.Select(v => (JsonNode?)N(v)).ToArray()),
    };

    private static JsonValue? N(double? value) => value is { } v ? N(v) : null;

    private static JsonValue? N(double value) => double.IsNaN(value) || double.IsInfinity(value) ? null : JsonValue.Create(value);
}
