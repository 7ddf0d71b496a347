using Inkstone.Taxonomy;

namespace Inkstone.Evaluation.Queries;

/// <summary>Queries per genre and language; <see cref="Missing"/> lists genres with fewer than the required count in a language.</summary>
public sealed record GenreCoverage(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> CountsByLanguage,
    int MinimumPerGenre,
    IReadOnlyList<(string Language, string Genre, int Count)> Missing)
{
    public static GenreCoverage Compute(IEnumerable<BenchmarkQuery> queries, GenreTaxonomy taxonomy, int minimumPerGenre = 2)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var counts = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var q in queries)
        {
            if (!counts.TryGetValue(q.Language, out var byGenre)) counts[q.Language] = byGenre = new Dictionary<string, int>(StringComparer.Ordinal);
            byGenre[q.Genre] = byGenre.GetValueOrDefault(q.Genre) + 1;
        }
        var missing = new List<(string, string, int)>();
        foreach (var (language, byGenre) in counts)
            foreach (var g in taxonomy.Genres)
                if (byGenre.GetValueOrDefault(g.Id) < minimumPerGenre) missing.Add((language, g.Id, byGenre.GetValueOrDefault(g.Id)));
        return new GenreCoverage(
            counts.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value, StringComparer.Ordinal),
            minimumPerGenre, missing);
    }
}
