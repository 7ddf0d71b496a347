namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// Exact containment of query texts in reference texts — leakage of benchmark queries into training data, where a
/// short query copied into a long training text has a low Jaccard similarity but a high containment. Containment of
/// query Q in reference D is |S(Q) ∩ S(D)| ÷ |S(Q)| over the shingle sets of <see cref="CharacterShingles"/>.
/// The queries (a small set) are held as an inverted index from shingle to query; the reference corpus is streamed
/// once, each of its texts looked up shingle by shingle, so the cost is linear in the reference corpus.
/// </summary>
public sealed class ContainmentFinder
{
    private readonly int _shingleSize;
    private readonly double _threshold;

    public ContainmentFinder(int shingleSize = 5, double threshold = 0.8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        if (threshold is <= 0 or > 1 || double.IsNaN(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "must be above 0 and at most 1");
        _shingleSize = shingleSize;
        _threshold = threshold;
    }

    public async Task<ContainmentScan> FindAsync(IAsyncEnumerable<(int Index, string Text)> queries, IAsyncEnumerable<(int Index, string Text)> reference,
        CancellationToken cancellationToken = default)
    {
        var postings = new Dictionary<ulong, List<int>>();
        var sizes = new Dictionary<int, int>();
        var empty = new List<int>();
        var queryCount = 0;
        await foreach (var (id, text) in queries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            queryCount++;
            var shingles = CharacterShingles.Hashes(text, _shingleSize);
            if (shingles.Count == 0)
            {
                empty.Add(id);
                continue;
            }
            if (!sizes.TryAdd(id, shingles.Count)) throw new ArgumentException($"query {id} appears twice", nameof(queries));
            foreach (var h in shingles)
            {
                if (!postings.TryGetValue(h, out var list)) postings[h] = list = [];
                list.Add(id);
            }
        }

        var pairs = new List<ContainmentPair>();
        var referenceCount = 0;
        var shared = new Dictionary<int, int>();
        await foreach (var (id, text) in reference.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            referenceCount++;
            if (postings.Count == 0) continue;
            shared.Clear();
            foreach (var h in CharacterShingles.Hashes(text, _shingleSize))
                if (postings.TryGetValue(h, out var list))
                    foreach (var query in list)
                        shared[query] = shared.GetValueOrDefault(query) + 1;
            foreach (var (query, count) in shared)
            {
                var containment = (double)count / sizes[query];
                if (containment >= _threshold) pairs.Add(new ContainmentPair(query, id, containment));
            }
        }
        pairs.Sort((a, b) => a.Query != b.Query ? a.Query.CompareTo(b.Query) : a.Reference.CompareTo(b.Reference));
        return new ContainmentScan(queryCount, empty, referenceCount, pairs);
    }
}
