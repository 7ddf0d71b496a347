namespace Inkstone.Curation.Dedup;

/// <summary>
/// Finds near-duplicate texts. Signatures are opaque bytes so that they can be stored with the items and the index
/// rebuilt from the workspace; the index answers whether a signature is close to one already added.
/// </summary>
public interface INearDuplicateIndex
{
    /// <summary>Must be safe to call from several threads at once (ingest computes signatures in parallel).</summary>
    byte[] ComputeSignature(string text);

    /// <summary>The id of an added text whose estimated similarity reaches the threshold, or null.</summary>
    string? FindDuplicate(byte[] signature);

    void Add(string id, byte[] signature);

    int Count { get; }
}
