namespace Inkstone.IntegrationTests.Browser;

/// <summary>
/// What the missing-glyph check looked at: how many elements matched, how many distinct (font, character) pairs it
/// drew, which of them came out as a missing-glyph box, and the CSS fonts whose box could not be identified (some
/// font covered a reference code point), for which a clean result proves nothing.
/// </summary>
public sealed record GlyphCheckResult(
    int Roots, int Checked, IReadOnlyList<MissingGlyph> Missing, IReadOnlyList<string> Undetectable);
