using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Analysis;

/// <summary>Measures the successful answers of each model per query language.</summary>
public static class OutputAnalyzer
{
    public static IReadOnlyList<ModelOutputAnalysis> Analyze(IReadOnlyList<GenerationRecord> generations, IReadOnlyList<BenchmarkQuery> queries,
        OutputAnalysisOptions? options = null, IReadOnlyList<string>? modelOrder = null)
    {
        ArgumentNullException.ThrowIfNull(generations);
        ArgumentNullException.ThrowIfNull(queries);
        options ??= new OutputAnalysisOptions();
        var language = queries.ToDictionary(q => q.Id, q => q.Language, StringComparer.Ordinal);
        var order = (modelOrder ?? []).ToList();
        var result = new List<ModelOutputAnalysis>();
        foreach (var group in generations.Where(g => g.Succeeded && language.ContainsKey(g.QueryId))
                     .GroupBy(g => (Language: language[g.QueryId], g.Model))
                     .OrderBy(g => g.Key.Language == "zh" ? 0 : 1).ThenBy(g => order.IndexOf(g.Key.Model) is var i && i >= 0 ? i : int.MaxValue).ThenBy(g => g.Key.Model, StringComparer.Ordinal))
        {
            var answers = group.ToList();
            var chars = BoxPlotSummary.Compute(answers.Select(a => (double)a.Answer!.EnumerateRunes().Count()));
            BoxPlotSummary? tokens = null;
            if (options.TokenCounter is { } counter) tokens = BoxPlotSummary.Compute(answers.Select(a => (double)counter(a.Answer!)));
            else if (answers.All(a => a.OutputTokens is not null)) tokens = BoxPlotSummary.Compute(answers.Select(a => (double)a.OutputTokens!.Value));

            double? ttrMean = null, ttrMedian = null, mattr = null;
            Func<string, IReadOnlyList<string>>? tokenize = group.Key.Language == "zh"
                ? options.ChineseSegmenter is { } seg ? text => LexicalDiversityMeasures.WordTokens(seg.Cut(text)) : null
                : EnglishWordTokenizer.Tokenize;
            if (tokenize is not null)
            {
                var tokenLists = answers.Select(a => tokenize(a.Answer!)).Where(t => t.Count > 0).ToList();
                if (tokenLists.Count > 0)
                {
                    var ttr = tokenLists.Select(LexicalDiversityMeasures.TypeTokenRatio).Order().ToArray();
                    ttrMean = ttr.Average();
                    ttrMedian = Quantiles.Linear(ttr, 0.5);
                    mattr = tokenLists.Average(t => LexicalDiversityMeasures.MovingAverageTypeTokenRatio(t, options.MattrWindow));
                }
            }
            int? contaminated = group.Key.Language == "en" ? answers.Count(a => options.Contamination.IsContaminated(a.Answer!)) : null;
            result.Add(new ModelOutputAnalysis(group.Key.Language, group.Key.Model, answers.Count, chars, tokens, ttrMean, ttrMedian, mattr, contaminated));
        }
        return result;
    }
}
