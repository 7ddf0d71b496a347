using System.Buffers.Binary;
using Inkstone.Text.NearDuplicates;

namespace Inkstone.Curation.Dedup;

/// <summary>
/// Near-duplicates through the shared <see cref="MinHasher"/> and <see cref="LshIndex"/> (docs/curation.md): MinHash
/// over character <see cref="ShingleLength"/>-grams of the text with white space removed, <see cref="Permutations"/>
/// seeded 64-bit hash functions, LSH with <see cref="Bands"/> bands; a candidate sharing a band is a duplicate when the
/// share of equal signature positions (the Jaccard estimate) reaches <see cref="Threshold"/>. Seed and hash functions are
/// fixed, so signatures stored in a workspace stay comparable across runs. A signature is stored as
/// <see cref="Permutations"/> little-endian 64-bit values; an empty signature (no characters) matches nothing.
/// Ingest keeps the band keys in the workspace (<see cref="BandKeys"/>, <see cref="BestMatch"/>); <see cref="Add"/> and
/// <see cref="FindDuplicate"/> are the same rule over an in-process index.
/// </summary>
public sealed class MinHashNearDuplicateIndex : INearDuplicateIndex
{
    public const int ShingleLength = 5;
    public const int Permutations = 128;
    public const int Bands = 16;
    public const ulong Seed = 1;

    private static readonly MinHasher s_hasher = new(new MinHashOptions { ShingleSize = ShingleLength, Permutations = Permutations, Bands = Bands, Seed = Seed });

    private readonly LshIndex _index = new(Bands, Permutations / Bands);
    private readonly List<string> _ids = [];

    public MinHashNearDuplicateIndex(double threshold = 0.8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        Threshold = threshold;
    }

    public double Threshold { get; }

    public int Count => _ids.Count;

    /// <summary>Signature bytes of a text; thread-safe (the shared hasher holds only its fixed salts).</summary>
    public byte[] ComputeSignature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // White space carries no meaning in Chinese text and differs between copies of the same article.
        return s_hasher.Signature(WithoutWhiteSpace(text)) is { } values ? Encode(values) : [];
    }

    private static string WithoutWhiteSpace(string text)
    {
        var kept = 0;
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) kept++;
        if (kept == text.Length) return text;
        return string.Create(kept, text, static (span, source) =>
        {
            var j = 0;
            foreach (var c in source)
                if (!char.IsWhiteSpace(c)) span[j++] = c;
        });
    }

    public string? FindDuplicate(byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length == 0) return null;
        var values = Decode(signature);
        return Best(values, _index.Candidates(values).Select(c => (_ids[c], _index.SignatureOf(c))));
    }

    public long[] BandKeys(byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length == 0) return [];
        var values = Decode(signature);
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++) keys[band] = unchecked((long)_index.BandKey(values, band));
        return keys;
    }

    public string? BestMatch(byte[] signature, IEnumerable<(string Id, byte[] Signature)> candidates)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(candidates);
        if (signature.Length == 0) return null;
        return Best(Decode(signature), candidates.Select(c => (c.Id, Decode(c.Signature, c.Id))));
    }

    private string? Best(ulong[] values, IEnumerable<(string Id, ulong[] Signature)> candidates)
    {
        string? best = null;
        var bestSimilarity = 0.0;
        foreach (var (id, candidate) in candidates)
        {
            var similarity = MinHasher.EstimateJaccard(values, candidate);
            if (similarity >= Threshold && similarity > bestSimilarity) (best, bestSimilarity) = (id, similarity);
        }

        return best;
    }

    public void Add(string id, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length == 0) return;
        _index.Add(_ids.Count, Decode(signature, id));
        _ids.Add(id);
    }

    /// <summary>The Jaccard estimate of two signatures: the share of equal positions.</summary>
    public static double Similarity(ReadOnlySpan<ulong> left, ReadOnlySpan<ulong> right) => MinHasher.EstimateJaccard(left, right);

    public static ulong[] Decode(byte[] signature, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != Permutations * sizeof(ulong))
            throw new InvalidDataException($"near-duplicate signature{(id is null ? "" : $" of item '{id}'")} has {signature.Length} bytes; this build stores {Permutations} 64-bit MinHash values ({Permutations * sizeof(ulong)} bytes): the workspace was written by an older build, ingest into a new workspace");
        var values = new ulong[Permutations];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt64LittleEndian(signature.AsSpan(i * sizeof(ulong)));
        return values;
    }

    private static byte[] Encode(ulong[] values)
    {
        var bytes = new byte[values.Length * sizeof(ulong)];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), values[i]);
        return bytes;
    }
}
