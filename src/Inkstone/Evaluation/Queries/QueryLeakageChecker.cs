using System.Globalization;
using System.Text;

namespace Inkstone.Evaluation.Queries;

/// <summary>
/// Finds training texts that nearly duplicate benchmark queries. Texts are normalised (NFKC, lower case, letters and
/// digits only) and cut into overlapping character shingles of length k; for every training text the benchmark queries
/// sharing a shingle are scored exactly: Jaccard |Q∩T| / |Q∪T| and containment |Q∩T| / |Q|. The training side is streamed;
/// only the benchmark's shingles are held in memory.
/// </summary>
public sealed class QueryLeakageChecker
{
    private readonly LeakageCheckOptions _options;
    private readonly Dictionary<string, List<int>> _index = new(StringComparer.Ordinal);
    private readonly List<(string Id, HashSet<string> Shingles)> _queries = [];

    public QueryLeakageChecker(IEnumerable<BenchmarkQuery> queries, LeakageCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(queries);
        _options = options ?? new LeakageCheckOptions();
        foreach (var q in queries)
        {
            var shingles = Shingles(q.Query, _options.ShingleLength);
            if (shingles.Count == 0) continue;
            foreach (var s in shingles)
            {
                if (!_index.TryGetValue(s, out var list)) _index[s] = list = [];
                list.Add(_queries.Count);
            }
            _queries.Add((q.Id, shingles));
        }
    }

    public async IAsyncEnumerable<LeakageMatch> FindAsync(IAsyncEnumerable<(string Id, string Text)> training,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        await foreach (var (id, text) in training.WithCancellation(cancellationToken).ConfigureAwait(false))
            foreach (var match in Find(id, text))
                yield return match;
    }

    public IEnumerable<LeakageMatch> Find(string trainingId, string text)
    {
        var shingles = Shingles(text, _options.ShingleLength);
        var shared = new Dictionary<int, int>();
        foreach (var s in shingles)
            if (_index.TryGetValue(s, out var hits))
                foreach (var q in hits) shared[q] = shared.GetValueOrDefault(q) + 1;
        foreach (var (q, overlap) in shared.OrderBy(kv => kv.Key))
        {
            var size = _queries[q].Shingles.Count;
            var jaccard = (double)overlap / (size + shingles.Count - overlap);
            var containment = (double)overlap / size;
            if (jaccard >= _options.JaccardThreshold || containment >= _options.ContainmentThreshold)
                yield return new LeakageMatch(_queries[q].Id, trainingId, jaccard, containment);
        }
    }

    internal static HashSet<string> Shingles(string text, int k)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var chars = new List<string>();
        for (var e = StringInfo.GetTextElementEnumerator(normalized); e.MoveNext();)
        {
            var element = (string)e.Current;
            if (Rune.TryGetRuneAt(element, 0, out var r) && Rune.IsLetterOrDigit(r)) chars.Add(element);
        }
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (chars.Count == 0) return set;
        if (chars.Count < k) { set.Add(string.Concat(chars)); return set; }
        for (var i = 0; i + k <= chars.Count; i++) set.Add(string.Concat(chars.GetRange(i, k)));
        return set;
    }
}
