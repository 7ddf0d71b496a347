using Inkstone.Text.NearDuplicates;

namespace Inkstone.Cli.TextInput;

/// <summary>
/// Adds exact Jaccard similarities to near-duplicate pairs by reading the inputs a second time and keeping only the
/// texts of documents that occur in a pair, so that a scan never holds the whole corpus.
/// </summary>
public static class NearDuplicateVerifier
{
    /// <param name="firstSource">Texts of <see cref="NearDuplicatePair.First"/> documents.</param>
    /// <param name="secondSource">Texts of <see cref="NearDuplicatePair.Second"/> documents (the same source within one corpus).</param>
    public static async Task<List<NearDuplicatePair>> VerifyAsync(IReadOnlyList<NearDuplicatePair> pairs, NearDuplicateFinder finder,
        IAsyncEnumerable<TextRecord> firstSource, IAsyncEnumerable<TextRecord>? secondSource, CancellationToken cancellationToken = default)
    {
        if (pairs.Count == 0) return [];
        var sameSource = secondSource is null;
        var firstWanted = pairs.Select(p => p.First).Concat(sameSource ? pairs.Select(p => p.Second) : []).ToHashSet();
        var firstTexts = await CollectAsync(firstSource, firstWanted, cancellationToken).ConfigureAwait(false);
        var secondTexts = sameSource
            ? firstTexts
            : await CollectAsync(secondSource!, pairs.Select(p => p.Second).ToHashSet(), cancellationToken).ConfigureAwait(false);

        var verified = new List<NearDuplicatePair>(pairs.Count);
        foreach (var pair in pairs)
        {
            if (!firstTexts.TryGetValue(pair.First, out var a) || !secondTexts.TryGetValue(pair.Second, out var b))
                throw new InvalidDataException("an input file changed between the two passes; re-run the scan");
            verified.Add(pair with { ExactJaccard = finder.ExactJaccard(a, b) });
        }
        return verified;
    }

    private static async Task<Dictionary<int, string>> CollectAsync(IAsyncEnumerable<TextRecord> records, HashSet<int> wanted, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<int, string>();
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            if (wanted.Contains(record.Index)) texts[record.Index] = record.Text;
        return texts;
    }
}
