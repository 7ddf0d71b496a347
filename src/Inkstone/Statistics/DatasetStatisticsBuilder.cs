using Inkstone.Model;
using Inkstone.Taxonomy;
using Inkstone.Text.Lengths;

namespace Inkstone.Statistics;

/// <summary>
/// Accumulates statistics over triplets in one pass with memory independent of their number: per group a count and
/// running min / sum / max per field, and per field a bucket histogram.
/// </summary>
public sealed class DatasetStatisticsBuilder
{
    private readonly GenreTaxonomy _taxonomy;
    private readonly GroupAccumulator _overall = new();
    private readonly GroupAccumulator _unassigned = new();
    private readonly Dictionary<string, GroupAccumulator> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupAccumulator> _genres = new(StringComparer.Ordinal);
    private readonly long[,] _buckets = new long[3, LengthBuckets.Count];
    private readonly Dictionary<string, long> _platforms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _months = new(StringComparer.Ordinal);

    public DatasetStatisticsBuilder(GenreTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        _taxonomy = taxonomy;
    }

    public long Count => _overall.Count;

    /// <summary>Adds a triplet; a genre id the taxonomy does not know counts as unassigned.</summary>
    public void Add(Triplet triplet)
    {
        ArgumentNullException.ThrowIfNull(triplet);
        var article = TextLengthMeasurer.CountCodePointsAndHan(triplet.Answer);
        var prompt = TextLengthMeasurer.CountCodePointsAndHan(triplet.Query);
        var reasoning = TextLengthMeasurer.CountCodePointsAndHan(triplet.Thought);
        _overall.Add(article, prompt, reasoning);
        Genre? genre = null;
        if (triplet.GenreId is { } id && _taxonomy.TryResolve(id, out var resolved)) genre = resolved;
        if (genre is null)
        {
            _unassigned.Add(article, prompt, reasoning);
        }
        else
        {
            Group(_genres, genre.Id).Add(article, prompt, reasoning);
            Group(_categories, genre.CategoryId).Add(article, prompt, reasoning);
        }
        _buckets[(int)TextField.Article, LengthBuckets.IndexOf(article.CodePoints)]++;
        _buckets[(int)TextField.Prompt, LengthBuckets.IndexOf(prompt.CodePoints)]++;
        _buckets[(int)TextField.Reasoning, LengthBuckets.IndexOf(reasoning.CodePoints)]++;
        // The same keys as the workspace status (CurationStatusService), so both reports read alike.
        Increment(_platforms, triplet.Provenance?.Platform ?? "(unknown)");
        Increment(_months, triplet.Provenance?.PublishedAt is { } at
            ? at.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : "(undated)");
    }

    private static void Increment(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    public DatasetStatistics Build(DatasetStatisticsOptions? options = null)
    {
        options ??= new DatasetStatisticsOptions();
        var total = _overall.Count;
        var overall = _overall.ToRow(StatisticsLevel.Overall, null, "总计", "Overall", null, total);

        var categoryOrder = _taxonomy.Categories.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var categories = _taxonomy.Categories
            .Where(c => _categories.ContainsKey(c.Id))
            .Select(c => _categories[c.Id].ToRow(StatisticsLevel.Category, c.Id, c.NameZh, c.NameEn, c.Id, total))
            .OrderByDescending(r => r.Count).ThenBy(r => categoryOrder[r.Id!])
            .ToArray();
        var rank = categories.Select((r, i) => (r.Id!, i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        var genreOrder = _taxonomy.Genres.Select((g, i) => (g.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var genres = _taxonomy.Genres
            .Where(g => _genres.ContainsKey(g.Id))
            .Select(g => _genres[g.Id].ToRow(StatisticsLevel.Genre, g.Id, g.NameZh, g.NameEn, g.CategoryId, total))
            .OrderBy(r => rank[r.CategoryId!]).ThenByDescending(r => r.Count).ThenBy(r => genreOrder[r.Id!])
            .ToArray();
        var unassigned = _unassigned.Count > 0 ? _unassigned.ToRow(StatisticsLevel.Unassigned, null, "未标注体裁", "No genre", null, total) : null;

        var balance = new BalanceAudit(
            options.MinPerGenre,
            _taxonomy.Genres
                .Select(g => new BalanceAuditItem(g.Id, g.NameZh, g.NameEn, g.CategoryId, _genres.TryGetValue(g.Id, out var a) ? a.Count : 0))
                .Where(item => item.Count < options.MinPerGenre)
                .ToArray(),
            _taxonomy.Categories
                .Where(c => !_categories.ContainsKey(c.Id))
                .Select(c => new BalanceAuditItem(c.Id, c.NameZh, c.NameEn, c.Id, 0))
                .ToArray());

        return new DatasetStatistics(_taxonomy.Version, overall, categories, genres, unassigned, balance, BuildDistribution())
        {
            Platforms = [.. _platforms.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new CountBucket(p.Key, p.Value))],
            Months = [.. _months.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new CountBucket(p.Key, p.Value))],
        };
    }

    /// <summary>Buckets from the lowest to the highest non-empty one, with no gaps; empty when there are no records.</summary>
    private LengthBucket[] BuildDistribution()
    {
        int first = -1, last = -1;
        for (var b = 0; b < LengthBuckets.Count; b++)
        {
            if (_buckets[0, b] + _buckets[1, b] + _buckets[2, b] == 0) continue;
            if (first < 0) first = b;
            last = b;
        }
        if (first < 0) return [];
        return Enumerable.Range(first, last - first + 1)
            .Select(b => new LengthBucket(b, LengthBuckets.LowerBound(b), LengthBuckets.UpperBound(b),
                _buckets[(int)TextField.Article, b], _buckets[(int)TextField.Prompt, b], _buckets[(int)TextField.Reasoning, b]))
            .ToArray();
    }

    private static GroupAccumulator Group(Dictionary<string, GroupAccumulator> groups, string id)
    {
        if (!groups.TryGetValue(id, out var group)) groups[id] = group = new GroupAccumulator();
        return group;
    }

    private sealed class GroupAccumulator
    {
        private readonly LengthAccumulator[] _codePoints = [new(), new(), new()];
        private readonly LengthAccumulator[] _han = [new(), new(), new()];

        public long Count { get; private set; }

        public void Add((int CodePoints, int Han) article, (int CodePoints, int Han) prompt, (int CodePoints, int Han) reasoning)
        {
            Count++;
            Add(TextField.Article, article);
            Add(TextField.Prompt, prompt);
            Add(TextField.Reasoning, reasoning);
        }

        private void Add(TextField field, (int CodePoints, int Han) length)
        {
            _codePoints[(int)field].Add(length.CodePoints);
            _han[(int)field].Add(length.Han);
        }

        public StatisticsRow ToRow(StatisticsLevel level, string? id, string nameZh, string nameEn, string? categoryId, long total) =>
            new(level, id, nameZh, nameEn, categoryId, Count, total == 0 ? 0 : 100.0 * Count / total,
                Lengths(TextField.Article), Lengths(TextField.Prompt), Lengths(TextField.Reasoning));

        private FieldLengths Lengths(TextField field) => new(_codePoints[(int)field].ToSummary(), _han[(int)field].ToSummary());
    }
}
