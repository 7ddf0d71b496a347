using System.Numerics;
using System.Runtime.InteropServices;

namespace Inkstone.Curation.Dedup;

/// <summary>
/// Near-duplicates by MinHash over character shingles with LSH banding (docs/curation.md). Shingles are the
/// <see cref="ShingleLength"/>-grams of UTF-16 code units of the text with white space removed; each is hashed once
/// (polynomial rolling hash, mixed to 32 bits) and permuted by <see cref="Permutations"/> seeded multiply-add hashes
/// (SIMD). Candidates share at least one of <see cref="Bands"/> bands of <see cref="RowsPerBand"/> rows; a candidate is a
/// duplicate when the share of equal signature positions (the Jaccard estimate) reaches <see cref="Threshold"/>.
/// The seed is fixed so that signatures stored in a workspace stay comparable across runs.
/// </summary>
public sealed class MinHashNearDuplicateIndex : INearDuplicateIndex
{
    public const int ShingleLength = 5;
    public const int Permutations = 64;
    public const int Bands = 16;
    public const int RowsPerBand = Permutations / Bands;
    private const ulong RollingBase = 1_000_003;

    private static readonly uint[] s_multipliers = new uint[Permutations];
    private static readonly uint[] s_offsets = new uint[Permutations];
    private static readonly ulong s_topPower = Power(RollingBase, ShingleLength - 1);

    private readonly Dictionary<ulong, int> _bandHeads = [];
    private readonly List<int> _nextInBand = [];
    private readonly List<uint[]> _signatures = [];
    private readonly List<string> _ids = [];

    static MinHashNearDuplicateIndex()
    {
        var state = 0x5EED_1DC0_FFEEUL;
        for (var i = 0; i < Permutations; i++)
        {
            s_multipliers[i] = (uint)SplitMix(ref state) | 1u;
            s_offsets[i] = (uint)SplitMix(ref state);
        }
    }

    public MinHashNearDuplicateIndex(double threshold = 0.8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        Threshold = threshold;
    }

    public double Threshold { get; }

    public int Count => _ids.Count;

    public byte[] ComputeSignature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lanes = Vector<uint>.Count;
        var chunks = Permutations / lanes;
        Span<uint> minima = stackalloc uint[Permutations];
        minima.Fill(uint.MaxValue);
        var minVectors = MemoryMarshal.Cast<uint, Vector<uint>>(minima);
        var a = MemoryMarshal.Cast<uint, Vector<uint>>(s_multipliers.AsSpan());
        var b = MemoryMarshal.Cast<uint, Vector<uint>>(s_offsets.AsSpan());

        Span<char> window = stackalloc char[ShingleLength]; // ring buffer of the current shingle
        var filled = 0;
        ulong hash = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            var slot = filled % ShingleLength;
            if (filled >= ShingleLength) hash -= window[slot] * s_topPower;
            window[slot] = c;
            filled++;
            hash = (hash * RollingBase) + c;
            if (filled >= ShingleLength) Update(minVectors, a, b, chunks, Mix(hash));
        }

        // Texts shorter than one shingle: the whole (white-space free) text is the only shingle.
        if (filled is > 0 and < ShingleLength) Update(minVectors, a, b, chunks, Mix(hash));
        return MemoryMarshal.AsBytes(minima).ToArray();
    }

    private static void Update(Span<Vector<uint>> minima, ReadOnlySpan<Vector<uint>> a, ReadOnlySpan<Vector<uint>> b, int chunks, uint shingle)
    {
        var x = new Vector<uint>(shingle);
        for (var i = 0; i < chunks; i++) minima[i] = Vector.Min(minima[i], (a[i] * x) + b[i]);
    }

    public string? FindDuplicate(byte[] signature)
    {
        var values = Decode(signature);
        string? best = null;
        var bestScore = -1.0;
        var seen = new HashSet<int>();
        for (var band = 0; band < Bands; band++)
        {
            if (!_bandHeads.TryGetValue(BandKey(values, band), out var candidate)) continue;
            for (; candidate >= 0; candidate = _nextInBand[(candidate * Bands) + band])
            {
                if (!seen.Add(candidate)) continue;
                var score = Similarity(values, _signatures[candidate]);
                if (score >= Threshold && score > bestScore)
                {
                    bestScore = score;
                    best = _ids[candidate];
                }
            }
        }

        return best;
    }

    public void Add(string id, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(id);
        var values = Decode(signature);
        var index = _ids.Count;
        _ids.Add(id);
        _signatures.Add(values);
        for (var band = 0; band < Bands; band++)
        {
            var key = BandKey(values, band);
            _nextInBand.Add(_bandHeads.TryGetValue(key, out var head) ? head : -1);
            _bandHeads[key] = index;
        }
    }

    /// <summary>The share of equal positions of two signatures: the MinHash estimate of the Jaccard similarity of their shingle sets.</summary>
    public static double Similarity(ReadOnlySpan<uint> left, ReadOnlySpan<uint> right)
    {
        var equal = 0;
        for (var i = 0; i < left.Length; i++) if (left[i] == right[i]) equal++;
        return (double)equal / left.Length;
    }

    public static uint[] Decode(byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != Permutations * sizeof(uint))
            throw new ArgumentException($"a MinHash signature has {Permutations * sizeof(uint)} bytes, got {signature.Length}", nameof(signature));
        return MemoryMarshal.Cast<byte, uint>(signature).ToArray();
    }

    private static ulong BandKey(uint[] values, int band)
    {
        var key = 0xCBF29CE484222325UL ^ (ulong)band;
        for (var i = band * RowsPerBand; i < (band + 1) * RowsPerBand; i++) key = (key ^ values[i]) * 0x100000001B3UL;
        return key;
    }

    private static uint Mix(ulong hash) => (uint)((hash * 0x9E3779B97F4A7C15UL) >> 32);

    private static ulong Power(ulong value, int exponent)
    {
        ulong result = 1;
        for (var i = 0; i < exponent; i++) result *= value;
        return result;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
