using System.Globalization;
using System.Text;
using Inkstone.Text.Scripts;

namespace Inkstone.Text.Tokenization;

/// <summary>
/// The word tokenizer for English (and other alphabetic) text. Scanning code point by code point, a token is
/// <list type="bullet">
/// <item>a <b>word</b>: a letter that is not Han, followed by letters and combining marks; an apostrophe (' or ’) or
/// hyphen (- or ‐) between two letters stays inside the word (<c>don't</c>, <c>well-known</c>);</item>
/// <item>a <b>number</b>: decimal digits, with '.' or ',' between two digits kept inside (<c>3.14</c>, <c>1,000</c>);</item>
/// <item>any other code point that is not whitespace, as a token of its own (a Han character, a punctuation mark, an emoji part).</item>
/// </list>
/// Whitespace separates tokens and is never a token. An unpaired surrogate reads as U+FFFD. Case is kept; callers fold it where they need to.
/// </summary>
public static class EnglishWordTokenizer
{
    /// <summary>Splits <paramref name="text"/> into tokens as described on the type.</summary>
    public static List<string> Tokenize(string text)
    {
        text = LoneSurrogates.Replace(text);
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var rune = RuneAt(text, i);
            if (Rune.IsWhiteSpace(rune))
            {
                i += rune.Utf16SequenceLength;
                continue;
            }
            int end;
            if (IsWordLetter(rune)) end = ScanWord(text, i);
            else if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber) end = ScanNumber(text, i);
            else end = i + rune.Utf16SequenceLength;
            tokens.Add(text[i..end]);
            i = end;
        }
        return tokens;
    }

    /// <summary>Number of words (tokens of the word kind) that contain at least one Latin letter.</summary>
    public static int CountEnglishWords(string text)
    {
        text = LoneSurrogates.Replace(text);
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var rune = RuneAt(text, i);
            if (IsWordLetter(rune))
            {
                var end = ScanWord(text, i);
                if (ContainsLatin(text, i, end)) count++;
                i = end;
            }
            else if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber) i = ScanNumber(text, i);
            else i += rune.Utf16SequenceLength;
        }
        return count;
    }

    private static bool ContainsLatin(string text, int start, int end)
    {
        foreach (var rune in text.AsSpan(start, end - start).EnumerateRunes())
            if (UnicodeScripts.IsLatinLetter(rune)) return true;
        return false;
    }

    private static int ScanWord(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var rune = RuneAt(text, i);
            if (IsWordLetter(rune) || IsCombiningMark(rune))
            {
                i += rune.Utf16SequenceLength;
                continue;
            }
            if (rune.Value is '\'' or '\u2019' or '-' or '\u2010' && i + 1 < text.Length && IsWordLetter(RuneAt(text, i + 1)))
            {
                i++;
                continue;
            }
            break;
        }
        return i;
    }

    private static int ScanNumber(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            if (char.IsDigit(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] is '.' or ',' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                i++;
                continue;
            }
            break;
        }
        return i;
    }

    private static Rune RuneAt(string text, int index) => Rune.GetRuneAt(text, index);

    private static bool IsWordLetter(Rune rune) => !UnicodeScripts.IsHan(rune) && Rune.IsLetter(rune);

    private static bool IsCombiningMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
