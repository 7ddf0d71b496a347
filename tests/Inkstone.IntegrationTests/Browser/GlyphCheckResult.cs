namespace Inkstone.IntegrationTests.Browser;

/// <summary>
/// What the missing-glyph check looked at: how many elements matched, how many distinct (font, character) pairs it
/// drew, and which of them came out as a missing-glyph box.
/// </summary>
public sealed record GlyphCheckResult(int Roots, int Checked, IReadOnlyList<MissingGlyph> Missing);
