using System.Runtime.InteropServices;

namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// MinHash signatures over character shingles. Permutation i maps a shingle hash x to Mix(x ⊕ saltᵢ), where the
/// salts come from SplitMix64 seeded with <see cref="MinHashOptions.Seed"/> and Mix is a 64-bit bijection; the
/// signature keeps each permutation's minimum. The share of equal positions in two signatures estimates their
/// Jaccard similarity (standard error ≈ √(s(1 − s)/k) for k permutations: ≈ 0.035 at s = 0.8, k = 128).
/// </summary>
public sealed class MinHasher
{
    [ThreadStatic]
    private static List<ulong>? t_hashes;

    private readonly ulong[] _salts;

    public MinHasher(MinHashOptions? options = null)
    {
        Options = options ?? new MinHashOptions();
        Options.Validate();
        _salts = new ulong[Options.Permutations];
        var state = Options.Seed;
        for (var i = 0; i < _salts.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            _salts[i] = CharacterShingles.Mix(state);
        }
    }

    public MinHashOptions Options { get; }

    /// <summary>The signature of <paramref name="text"/>, or null when it has no shingles (empty after normalisation).</summary>
    public ulong[]? Signature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // One buffer per thread, reused: a signature is computed for every ingested text.
        var hashes = t_hashes ??= new List<ulong>(4096);
        hashes.Clear();
        CharacterShingles.AppendHashes(text, Options.ShingleSize, hashes);
        var signature = Signature(CollectionsMarshal.AsSpan(hashes));
        if (hashes.Capacity > 1 << 20) t_hashes = null; // do not keep the buffer of a very long text
        return signature;
    }

    /// <summary>The signature of a shingle-hash set, or null when it is empty.</summary>
    public ulong[]? Signature(IReadOnlySet<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        return Signature(new ReadOnlySpan<ulong>([.. shingles]));
    }

    /// <summary>The signature of shingle hashes (repeats change nothing), or null when there are none.</summary>
    public ulong[]? Signature(ReadOnlySpan<ulong> shingles)
    {
        if (shingles.IsEmpty) return null;
        var signature = new ulong[_salts.Length];
        Array.Fill(signature, ulong.MaxValue);
        MinimumHashes.Accumulate(shingles, _salts, signature);
        return signature;
    }

    /// <summary>Estimated Jaccard similarity: the share of positions where two signatures agree.</summary>
    public static double EstimateJaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("signatures differ in length");
        var equal = 0;
        for (var i = 0; i < a.Length; i++)
            if (a[i] == b[i]) equal++;
        return (double)equal / a.Length;
    }
}
