using System.Globalization;
using System.Text;

namespace Inkstone.Text.Scripts;

/// <summary>
/// Script membership of code points. .NET has no Unicode Script property, so the ranges below are taken from
/// Unicode 16.0 Scripts.txt (Script=Han, Script=Latin). See docs/text-metrics.md.
/// </summary>
public static class UnicodeScripts
{
    // Script=Han: ideographs of all CJK blocks, compatibility ideographs, radicals, and the few Han-script
    // characters in CJK Symbols and Punctuation (々 〇 〡–〩 〸–〻). Sorted, inclusive.
    private static readonly (int First, int Last)[] HanRanges =
    [
        (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007),
        (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D),
        (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3), (0x16FF0, 0x16FF1), (0x20000, 0x2A6DF), (0x2A700, 0x2B739),
        (0x2B740, 0x2B81D), (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D),
        (0x30000, 0x3134A), (0x31350, 0x323AF),
    ];

    // Script=Latin letters (and the two Latin ordinal indicators); combining marks are not counted as letters.
    private static readonly (int First, int Last)[] LatinRanges =
    [
        (0x0041, 0x005A), (0x0061, 0x007A), (0x00AA, 0x00AA), (0x00BA, 0x00BA), (0x00C0, 0x00D6),
        (0x00D8, 0x00F6), (0x00F8, 0x02B8), (0x02E0, 0x02E4), (0x1D00, 0x1D25), (0x1D2C, 0x1D5C),
        (0x1D62, 0x1D65), (0x1D6B, 0x1D77), (0x1D79, 0x1DBE), (0x1E00, 0x1EFF), (0x2071, 0x2071),
        (0x207F, 0x207F), (0x2090, 0x209C), (0x212A, 0x212B), (0x2132, 0x2132), (0x214E, 0x214E),
        (0x2160, 0x2188), (0x2C60, 0x2C7F), (0xA722, 0xA787), (0xA78B, 0xA7CD), (0xA7D0, 0xA7DC),
        (0xA7F2, 0xA7FF), (0xAB30, 0xAB5A), (0xAB5C, 0xAB64), (0xAB66, 0xAB69), (0xFB00, 0xFB06),
        (0xFF21, 0xFF3A), (0xFF41, 0xFF5A), (0x10780, 0x107BA), (0x1DF00, 0x1DF2A),
    ];

    /// <summary>True when <paramref name="rune"/> has Unicode Script=Han.</summary>
    public static bool IsHan(Rune rune) =>
        // Most text is ASCII or in the main CJK block: answer those without the range search.
        rune.Value is >= 0x4E00 and <= 0x9FFF || (rune.Value >= HanRanges[0].First && InRanges(HanRanges, rune.Value));

    /// <summary>True when <paramref name="rune"/> is a Script=Latin letter (A–Z, accented and extended Latin, fullwidth Latin).</summary>
    public static bool IsLatinLetter(Rune rune) => InRanges(LatinRanges, rune.Value);

    /// <summary>Letters of any script other than Han and Latin (kana, hangul, Cyrillic, Greek, …).</summary>
    public static bool IsOtherLetter(Rune rune) =>
        !IsHan(rune) && !IsLatinLetter(rune) && Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    /// <summary>Number of Script=Han code points in <paramref name="text"/>.</summary>
    public static int CountHan(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
            if (IsHan(rune)) count++;
        return count;
    }

    private static bool InRanges((int First, int Last)[] ranges, int value)
    {
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (value < ranges[mid].First) hi = mid - 1;
            else if (value > ranges[mid].Last) lo = mid + 1;
            else return true;
        }
        return false;
    }
}
