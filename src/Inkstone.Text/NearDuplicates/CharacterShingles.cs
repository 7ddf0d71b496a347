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
    public static string Normalize(string text)
    {
        var normalized = LoneSurrogates.Replace(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    /// <summary>The distinct shingle hashes of <paramref name="text"/>; empty when the normalised text is empty.</summary>
    public static HashSet<ulong> Hashes(string text, int shingleSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        var normalized = Normalize(text);
        var set = new HashSet<ulong>();
        if (normalized.Length == 0) return set;

        // Start offsets (UTF-16) of each code point, so that a shingle is a substring of n code points.
        var starts = new List<int>(normalized.Length + 1);
        for (var i = 0; i < normalized.Length; i += char.IsSurrogatePair(normalized, i) ? 2 : 1) starts.Add(i);
        var runes = starts.Count;
        starts.Add(normalized.Length);
        if (runes <= shingleSize)
        {
            set.Add(Hash(normalized.AsSpan()));
            return set;
        }
        for (var k = 0; k + shingleSize <= runes; k++)
            set.Add(Hash(normalized.AsSpan(starts[k], starts[k + shingleSize] - starts[k])));
        return set;
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
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
