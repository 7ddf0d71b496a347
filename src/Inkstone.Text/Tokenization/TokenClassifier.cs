using System.Globalization;
using System.Text;

namespace Inkstone.Text.Tokenization;

/// <summary>Decides which tokens count as words for lexical diversity.</summary>
public static class TokenClassifier
{
    /// <summary>
    /// True when every code point of <paramref name="token"/> is whitespace, punctuation (Unicode P*), a symbol
    /// (S*: ～ + $ emoji …) or a control/format character (Cc, Cf: zero-width joiners) — also for the empty token.
    /// Such tokens are excluded from TTR, MATTR and MTLD unless punctuation is kept.
    /// </summary>
    public static bool IsPunctuationOrWhitespace(string token)
    {
        foreach (var rune in token.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune)) continue;
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                    or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                    or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
                    or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.Control or UnicodeCategory.Format:
                    continue;
                default:
                    return false;
            }
        }
        return true;
    }
}
