namespace Inkstone.Curation.Dedup;

/// <summary>
/// Near-duplicate detection split so that the index itself can live in the workspace database: signatures and LSH band
/// keys are opaque values the store keeps with the items; the store looks up candidates sharing a band key inside its
/// write transaction and asks <see cref="BestMatch"/> which of them, if any, the new text duplicates.
/// </summary>
public interface INearDuplicateIndex
{
    /// <summary>Must be safe to call from several threads at once (ingest computes signatures in parallel).</summary>
    byte[] ComputeSignature(string text);

    /// <summary>One key per LSH band (index = band number); empty for an empty signature, which matches nothing.</summary>
    long[] BandKeys(byte[] signature);

    /// <summary>The candidate whose estimated similarity to <paramref name="signature"/> reaches the threshold and is highest
    /// (the first such in the given order on ties), or null.</summary>
    string? BestMatch(byte[] signature, IEnumerable<(string Id, byte[] Signature)> candidates);
}
