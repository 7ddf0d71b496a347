using Inkstone.Text.Scripts;
using Inkstone.Text.Tokenization;

namespace Inkstone.Text.Lengths;

/// <summary>Measures <see cref="TextLengths"/>; model tokens only when a token counter is given.</summary>
public sealed class TextLengthMeasurer(ITokenCounter? tokenCounter = null)
{
    public ITokenCounter? TokenCounter => tokenCounter;

    public TextLengths Measure(string text)
    {
        var codePoints = 0;
        var han = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            codePoints++;
            if (UnicodeScripts.IsHan(rune)) han++;
        }
        return new TextLengths(codePoints, han, EnglishWordTokenizer.CountEnglishWords(text), tokenCounter?.CountTokens(text));
    }
}
