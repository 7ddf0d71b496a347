using Inkstone.Curation.Ingest;

namespace Inkstone.Tests.Curation;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Normalize_DecomposedCharacters_ComposedToNfc() =>
        Assert.Equal("\u00E9t\u00E9", TextNormalizer.Normalize("e\u0301te\u0301"));

    [Fact]
    public void Normalize_IndentedParagraphsWithCrLfAndBlankRuns_OneBlankLineBetweenParagraphs() =>
        Assert.Equal("第一段。\n\n第二段。\n第三行", TextNormalizer.Normalize("\u3000\u3000第一段。  \r\n\r\n\r\n\r\n\u3000\u3000第二段。\r\n第三行\n\n"));

    [Fact]
    public void Normalize_ZeroWidthAndControlCharacters_Removed() =>
        Assert.Equal("春眠不觉晓", TextNormalizer.Normalize("\uFEFF春\u200B眠\u0007不觉\u00AD晓"));

    [Fact]
    public void Normalize_RunsOfSpacesAndTabsInsideLine_CollapsedToOne() =>
        Assert.Equal("a b c", TextNormalizer.Normalize("  a \t\t b    c  "));

    [Fact]
    public void Normalize_OnlyWhiteSpace_Empty() => Assert.Equal("", TextNormalizer.Normalize(" \r\n\t\u3000\n"));

    [Fact]
    public void Normalize_EveryControlCharacter_RemovedAndNothingElse()
    {
        // Reference: the Unicode category of each character (Cc), line breaks and tab handled as white space.
        for (var c = '\u0000'; c < '\uD800'; c++)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD') continue;
            var removed = char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Control;
            var normalized = TextNormalizer.Normalize($"a{c}b");
            if (removed) Assert.Equal("ab", normalized);
            else Assert.Equal($"a{c}b".Normalize(System.Text.NormalizationForm.FormC), normalized);
        }
    }
}
