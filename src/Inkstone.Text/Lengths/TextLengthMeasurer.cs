using Inkstone.Text.Scripts;
using Inkstone.Text.Tokenization;

namespace Inkstone.Text.Lengths;

/// <summary>Measures <see cref="TextLengths"/>; model tokens only when a token counter is given.</summary>
public sealed class TextLengthMeasurer(ITokenCounter? tokenCounter = null)
{
    public ITokenCounter? TokenCounter => tokenCounter;

    public TextLengths Measure(string text)
    {
        var (codePoints, han) = CountCodePointsAndHan(text);
        return new TextLengths(codePoints, han, EnglishWordTokenizer.CountEnglishWords(text), tokenCounter?.CountTokens(text));
    }

    /// <summary>
    /// Code points (Python <c>len</c>; a lone surrogate counts as one) and Script=Han code points
    /// (<see cref="UnicodeScripts.IsHan"/>) of <paramref name="text"/>, counted in one pass.
    /// </summary>
    public static (int CodePoints, int HanCharacters) CountCodePointsAndHan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var codePoints = 0;
        var han = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            codePoints++;
            if (UnicodeScripts.IsHan(rune)) han++;
        }
        return (codePoints, han);
    }
}
