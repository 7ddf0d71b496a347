namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// Finds near-duplicate pairs with MinHash + LSH, streaming: each document is hashed once and only its signature
/// is kept. Within a corpus, each document is compared with the earlier documents that were not themselves near
/// duplicates (the ones deduplication keeps); against a reference corpus
/// (leakage between training data and benchmark queries), query documents are compared with the reference only.
/// Candidates from LSH are kept when their estimated Jaccard similarity reaches <see cref="MinHashOptions.Threshold"/>.
/// </summary>
public sealed class NearDuplicateFinder
{
    private readonly MinHasher _hasher;

    public NearDuplicateFinder(MinHashOptions? options = null) => _hasher = new MinHasher(options);

    public MinHashOptions Options => _hasher.Options;

    /// <summary>Near-duplicate pairs within one corpus of (index, text) documents; indexes must be unique.</summary>
    public async Task<NearDuplicateScan> FindWithinAsync(IAsyncEnumerable<(int Index, string Text)> documents, CancellationToken cancellationToken = default)
    {
        var index = NewIndex();
        var pairs = new List<NearDuplicatePair>();
        var empty = new List<int>();
        long candidates = 0;
        var count = 0;
        await foreach (var (id, text) in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
            var signature = _hasher.Signature(text);
            if (signature is null)
            {
                empty.Add(id);
                continue;
            }
            var duplicate = false;
            foreach (var other in index.Candidates(signature))
            {
                candidates++;
                var estimate = MinHasher.EstimateJaccard(signature, index.SignatureOf(other));
                if (estimate < Options.Threshold) continue;
                pairs.Add(new NearDuplicatePair(other, id, estimate));
                duplicate = true;
            }
            // A near-duplicate of a kept document is not indexed itself: later copies pair with the kept one only,
            // so that n copies of one text give n − 1 pairs rather than n(n − 1)/2.
            if (!duplicate) index.Add(id, signature);
        }
        return new NearDuplicateScan(count, empty, candidates, pairs);
    }

    /// <summary>
    /// Pairs (query, reference) of query documents that nearly duplicate a reference document. The reference corpus
    /// is indexed first; <see cref="NearDuplicateScan.Documents"/> and <see cref="NearDuplicateScan.EmptyDocuments"/>
    /// describe the queries, <paramref name="referenceEmpty"/> receives the empty reference documents.
    /// </summary>
    public async Task<NearDuplicateScan> FindAgainstAsync(IAsyncEnumerable<(int Index, string Text)> reference, IAsyncEnumerable<(int Index, string Text)> queries,
        List<int>? referenceEmpty = null, CancellationToken cancellationToken = default)
    {
        var index = NewIndex();
        await foreach (var (id, text) in reference.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var signature = _hasher.Signature(text);
            if (signature is null) referenceEmpty?.Add(id);
            else index.Add(id, signature);
        }

        var pairs = new List<NearDuplicatePair>();
        var empty = new List<int>();
        long candidates = 0;
        var count = 0;
        await foreach (var (id, text) in queries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
            var signature = _hasher.Signature(text);
            if (signature is null)
            {
                empty.Add(id);
                continue;
            }
            foreach (var other in index.Candidates(signature))
            {
                candidates++;
                var estimate = MinHasher.EstimateJaccard(signature, index.SignatureOf(other));
                if (estimate >= Options.Threshold) pairs.Add(new NearDuplicatePair(id, other, estimate));
            }
        }
        return new NearDuplicateScan(count, empty, candidates, pairs);
    }

    /// <summary>Exact Jaccard similarity of two texts' shingle sets under these options.</summary>
    public double ExactJaccard(string first, string second) =>
        CharacterShingles.Jaccard(CharacterShingles.Hashes(first, Options.ShingleSize), CharacterShingles.Hashes(second, Options.ShingleSize));

    private LshIndex NewIndex() => new(Options.Bands, Options.RowsPerBand);
}
