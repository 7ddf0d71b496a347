using System.Text;

namespace Inkstone.Statistics;

/// <summary>
/// Lengths of a text in Unicode code points (what Python's <c>len</c> returns on a <c>str</c>) and in Han characters:
/// code points whose Unicode Script property is Han (Unicode 15.1 Scripts.txt), which covers the CJK unified
/// ideographs with all extensions, compatibility ideographs, CJK and Kangxi radicals, 々, 〇, the Hangzhou numerals
/// and the ideographic iteration marks — but not CJK punctuation such as 。，「」.
/// </summary>
public static class TextLengths
{
    // Inclusive ranges of Script=Han in Unicode 15.1, sorted.
    private static readonly (int First, int Last)[] s_hanRanges =
    [
        (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007), (0x3021, 0x3029),
        (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D), (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3),
        (0x16FF0, 0x16FF1), (0x20000, 0x2A6DF), (0x2A700, 0x2B739), (0x2B740, 0x2B81D), (0x2B820, 0x2CEA1),
        (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A), (0x31350, 0x323AF),
    ];

    /// <summary>Code points and Han characters of <paramref name="text"/>, counted in one pass. A lone surrogate counts as one code point.</summary>
    public static (int CodePoints, int Han) Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int codePoints = 0, han = 0;
        var span = text.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            int value = span[i];
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                value = char.ConvertToUtf32(span[i], span[i + 1]);
                i++;
            }
            codePoints++;
            if (value >= 0x2E80 && IsHan(value)) han++;
        }
        return (codePoints, han);
    }

    public static int CodePoints(string text) => Measure(text).CodePoints;

    public static int HanCharacters(string text) => Measure(text).Han;

    public static bool IsHan(Rune rune) => IsHan(rune.Value);

    private static bool IsHan(int value)
    {
        if (value is >= 0x4E00 and <= 0x9FFF) return true;
        int lo = 0, hi = s_hanRanges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var (first, last) = s_hanRanges[mid];
            if (value < first) hi = mid - 1;
            else if (value > last) lo = mid + 1;
            else return true;
        }
        return false;
    }
}
