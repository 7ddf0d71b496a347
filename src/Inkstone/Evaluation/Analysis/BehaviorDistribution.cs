namespace Inkstone.Evaluation.Analysis;

/// <summary>Share of segments per behaviour for one model in one language: count of segments with the label ÷ labelled segments.</summary>
public sealed record BehaviorDistribution(string Language, string Model, int Segments, IReadOnlyDictionary<ReasoningBehavior, int> Counts)
{
    public double Share(ReasoningBehavior behavior) => Segments == 0 ? double.NaN : (double)Counts.GetValueOrDefault(behavior) / Segments;

    public static IReadOnlyList<BehaviorDistribution> Compute(IEnumerable<BehaviorLabel> labels, IReadOnlyDictionary<string, string> languageOfQuery)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(languageOfQuery);
        return labels
            .GroupBy(l => (Language: languageOfQuery.TryGetValue(l.QueryId, out var lang) ? lang : "?", l.Model))
            .OrderBy(g => g.Key.Language, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => new BehaviorDistribution(g.Key.Language, g.Key.Model, g.Count(),
                g.GroupBy(l => l.Behavior).ToDictionary(b => b.Key, b => b.Count())))
            .ToArray();
    }
}
