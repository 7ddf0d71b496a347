using System.Text;

namespace Inkstone.Text.Scripts;

/// <summary>
/// Letter counts of one text by script. Shares are taken over letters only (Han + Latin + other letters), so
/// digits, punctuation, symbols and whitespace do not dilute them; all three are 0 for a text without letters.
/// </summary>
public sealed record ScriptProfile(int HanCharacters, int LatinLetters, int OtherLetters)
{
    public int Letters => HanCharacters + LatinLetters + OtherLetters;

    public double HanShare => Letters == 0 ? 0 : (double)HanCharacters / Letters;

    public double LatinShare => Letters == 0 ? 0 : (double)LatinLetters / Letters;

    public double OtherShare => Letters == 0 ? 0 : (double)OtherLetters / Letters;

    /// <summary>Counts the letters of <paramref name="text"/> by script, code point by code point.</summary>
    public static ScriptProfile Of(string text)
    {
        int han = 0, latin = 0, other = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (UnicodeScripts.IsHan(rune)) han++;
            else if (UnicodeScripts.IsLatinLetter(rune)) latin++;
            else if (UnicodeScripts.IsOtherLetter(rune)) other++;
        }
        return new ScriptProfile(han, latin, other);
    }
}
