namespace Inkstone.IntegrationTests.Browser;

/// <summary>A character that rendered as the font's missing-glyph box (.notdef), with the CSS font it was drawn in.</summary>
public sealed record MissingGlyph(string Character, int CodePoint, string Font, string Text)
{
    public override string ToString() => $"U+{CodePoint:X4} '{Character}' in {Font} (text: {Text})";
}
