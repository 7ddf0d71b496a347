using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Inkstone.Text.Tokenization;

namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// Character n-gram shingles, which need no word segmentation and so work for Chinese as for English.
/// Text is normalised first: NFKC (full-width → half-width, compatibility ideographs → unified), lower case
/// (invariant), every run of whitespace → one space, trimmed. A shingle is n consecutive code points of the
/// normalised text; a non-empty text shorter than n is one shingle. Shingles are hashed to 64 bits
/// (FNV-1a over UTF-16 code units, then the SplitMix64 finalizer), so sets are compared as sets of hashes.
/// </summary>
public static class CharacterShingles
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a per-document hot loop: optimized from the first call
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = LoneSurrogates.Replace(text);
        if (!normalized.IsNormalized(NormalizationForm.FormKC)) normalized = normalized.Normalize(NormalizationForm.FormKC);
        normalized = normalized.ToLowerInvariant();
        // White space is never a surrogate, so the collapse can work on UTF-16 code units, in a pooled buffer (the
        // result is never longer than the text).
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, normalized.Length));
        var length = 0;
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace) buffer[length++] = ' ';
            pendingSpace = false;
            buffer[length++] = c;
        }
        var result = buffer.AsSpan(0, length).SequenceEqual(normalized) ? normalized : new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return result;
    }

    /// <summary>The distinct shingle hashes of <paramref name="text"/>; empty when the normalised text is empty.</summary>
    public static HashSet<ulong> Hashes(string text, int shingleSize)
    {
        var buffer = new List<ulong>();
        AppendHashes(text, shingleSize, buffer);
        return [.. buffer];
    }

    /// <summary>
    /// Appends the hash of every shingle of <paramref name="text"/> in text order, repeats included (a MinHash minimum
    /// is the same over a multiset as over its set, so signatures need no set).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the hot loop of every signature: optimized from the first call
    public static void AppendHashes(string text, int shingleSize, List<ulong> hashes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        ArgumentNullException.ThrowIfNull(hashes);
        var normalized = Normalize(text);
        if (normalized.Length == 0) return;
        var span = normalized.AsSpan();
        if (!span.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            // One code unit per code point: a shingle is a substring of shingleSize code units.
            if (span.Length <= shingleSize)
            {
                hashes.Add(Hash(span));
                return;
            }
            for (var k = 0; k + shingleSize <= span.Length; k++) hashes.Add(Hash(span.Slice(k, shingleSize)));
            return;
        }

        // Start offsets (UTF-16) of each code point, so that a shingle is a substring of n code points.
        var starts = new List<int>(normalized.Length + 1);
        for (var i = 0; i < normalized.Length; i += char.IsSurrogatePair(normalized, i) ? 2 : 1) starts.Add(i);
        var runes = starts.Count;
        starts.Add(normalized.Length);
        if (runes <= shingleSize)
        {
            hashes.Add(Hash(span));
            return;
        }
        for (var k = 0; k + shingleSize <= runes; k++)
            hashes.Add(Hash(span.Slice(starts[k], starts[k + shingleSize] - starts[k])));
    }

    /// <summary>Exact Jaccard similarity |A ∩ B| ÷ |A ∪ B| of two shingle sets; 1 when both are empty.</summary>
    public static double Jaccard(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var intersection = 0;
        foreach (var h in small)
            if (large.Contains(h)) intersection++;
        return (double)intersection / (a.Count + b.Count - intersection);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Hash(ReadOnlySpan<char> shingle)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in shingle)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return Mix(hash);
    }

    /// <summary>SplitMix64's finalizer: a bijection on 64-bit values that spreads every input bit over the output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
