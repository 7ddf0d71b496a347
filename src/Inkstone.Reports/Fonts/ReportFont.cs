using System.Text;
using SkiaSharp;

namespace Inkstone.Reports.Fonts;

/// <summary>
/// The typeface every figure is drawn with, loaded from one font file (a face of a collection). The report names it;
/// <see cref="EnsureGlyphs"/> refuses text the face cannot draw, so no label ever comes out as missing-glyph boxes.
/// </summary>
public sealed class ReportFont : IDisposable
{
    private ReportFont(string path, int faceIndex, SKTypeface typeface)
    {
        Path = path;
        FaceIndex = faceIndex;
        Typeface = typeface;
    }

    public string Path { get; }

    public int FaceIndex { get; }

    public string Family => Typeface.FamilyName;

    public SKTypeface Typeface { get; }

    /// <summary>"Family (file)", as the report names it.</summary>
    public string Description => $"{Family} ({System.IO.Path.GetFileName(Path)})";

    /// <summary>Loads face <paramref name="faceIndex"/> of a font file, or null when the file holds no such face.</summary>
    public static ReportFont? TryLoad(string path, int faceIndex = 0)
    {
        var typeface = SKTypeface.FromFile(path, faceIndex);
        return typeface is null ? null : new ReportFont(path, faceIndex, typeface);
    }

    /// <summary>The distinct characters of <paramref name="texts"/> that the face has no glyph for (whitespace aside).</summary>
    public IReadOnlyList<string> MissingGlyphs(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        using var font = new SKFont(Typeface);
        var missing = new SortedSet<int>();
        foreach (var text in texts)
            foreach (var rune in text.EnumerateRunes())
                if (!Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune) && font.GetGlyph(rune.Value) == 0) missing.Add(rune.Value);
        return [.. missing.Select(char.ConvertFromUtf32)];
    }

    /// <summary>Throws <see cref="ReportFontException"/> naming up to 20 characters the face cannot draw.</summary>
    public void EnsureGlyphs(IEnumerable<string> texts)
    {
        var missing = MissingGlyphs(texts);
        if (missing.Count == 0) return;
        var shown = string.Join(" ", missing.Take(20).Select(c => $"{c} (U+{char.ConvertToUtf32(c, 0):X4})"));
        throw new ReportFontException(
            $"{Path}: font {Family} has no glyph for {missing.Count} character(s) of the report: {shown}"
            + (missing.Count > 20 ? " …" : "") + "; pass --font with a font that covers them");
    }

    public void Dispose() => Typeface.Dispose();
}
