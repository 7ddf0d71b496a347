using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Queries;
using Inkstone.Text.Distributions;
using Inkstone.Text.Diversity;
using Inkstone.Text.Lengths;
using Inkstone.Text.Scripts;

namespace Inkstone.Evaluation.Analysis;

/// <summary>
/// Measures the successful answers of each model per query language with the shared text measures of Inkstone.Text:
/// lengths (<see cref="TextLengthMeasurer"/>), lexical diversity (<see cref="LexicalDiversityAnalyzer"/>, the answer
/// tokenized in its query's language) and, for English prompts, contamination (<see cref="ChineseContentRule"/>).
/// </summary>
public static class OutputAnalyzer
{
    public static IReadOnlyList<ModelOutputAnalysis> Analyze(IReadOnlyList<GenerationRecord> generations, IReadOnlyList<BenchmarkQuery> queries,
        OutputAnalysisOptions? options = null, IReadOnlyList<string>? modelOrder = null)
    {
        ArgumentNullException.ThrowIfNull(generations);
        ArgumentNullException.ThrowIfNull(queries);
        options ??= new OutputAnalysisOptions();
        var measurer = new TextLengthMeasurer(options.TokenCounter);
        var english = new LexicalDiversityAnalyzer(null, options.Diversity with { Language = TextLanguage.English });
        var chinese = options.ChineseSegmenter is { } segmenter
            ? new LexicalDiversityAnalyzer(segmenter, options.Diversity with { Language = TextLanguage.Chinese })
            : null;
        var contamination = new ChineseContentRule(options.Contamination);
        var language = queries.ToDictionary(q => q.Id, q => q.Language, StringComparer.Ordinal);
        var order = (modelOrder ?? []).ToList();
        var result = new List<ModelOutputAnalysis>();
        foreach (var group in generations.Where(g => g.Succeeded && language.ContainsKey(g.QueryId))
                     .GroupBy(g => (Language: language[g.QueryId], g.Model))
                     .OrderBy(g => g.Key.Language == "zh" ? 0 : 1).ThenBy(g => order.IndexOf(g.Key.Model) is var i && i >= 0 ? i : int.MaxValue).ThenBy(g => g.Key.Model, StringComparer.Ordinal))
        {
            var answers = group.Select(a => a.Answer!).ToList();
            var lengths = answers.Select(measurer.Measure).ToList();
            var characters = DistributionSummary.Of(lengths.Select(l => (double)l.CodePoints))!;
            DistributionSummary? tokens = null;
            if (options.TokenCounter is not null) tokens = DistributionSummary.Of(lengths.Select(l => (double)l.Tokens!.Value));
            else if (group.All(a => a.OutputTokens is not null)) tokens = DistributionSummary.Of(group.Select(a => (double)a.OutputTokens!.Value));

            var analyzer = group.Key.Language == "zh" ? chinese : english;
            var diversity = analyzer is null ? null : DiversitySummary.Of(answers.Select(analyzer.Analyze).ToList());
            int? contaminated = group.Key.Language == "en" ? answers.Count(contamination.ContainsChinese) : null;
            result.Add(new ModelOutputAnalysis(group.Key.Language, group.Key.Model, answers.Count, characters, tokens, diversity, contaminated));
        }
        return result;
    }
}
