using Inkstone.Reports.Fonts;
using ScottPlot;
using SkiaSharp;

namespace Inkstone.Reports.Rendering;

/// <summary>
/// Gives ScottPlot the report's face (any face of a font collection) under a name of its own, so that no system
/// lookup can substitute another font.
/// </summary>
internal sealed class FigureFontResolver(string name, ReportFont font) : IFontResolver
{
    public string Name { get; } = name;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == Name ? SKTypeface.FromFile(font.Path, font.FaceIndex) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Name ? SKTypeface.FromFile(font.Path, font.FaceIndex) : null;
}
