using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Inkstone.Reports.Figures;
using Inkstone.Reports.Fonts;
using SkiaSharp;

namespace Inkstone.Reports.Rendering;

/// <summary>
/// Replaces the <c>&lt;text&gt;</c> elements of Skia's SVG with the outlines of the report's font, so the SVG draws the
/// same glyphs on any viewer with no font installed or fetched; the title and axis labels stay readable as text in
/// the SVG's <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>.
/// </summary>
internal static class SvgText
{
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    public static string ToOutlines(string svg, ReportFont font, Figure figure)
    {
        var document = XDocument.Parse(svg.TrimStart('\uFEFF'));
        var root = document.Root!;
        foreach (var text in root.Descendants(s_svg + "text").ToList())
            text.ReplaceWith(Outline(text, font));
        root.AddFirst(
            new XElement(s_svg + "title", figure.Title),
            new XElement(s_svg + "desc",
                $"n = {figure.N.ToString("N0", CultureInfo.InvariantCulture)}; horizontal axis: {figure.XLabel}; vertical axis: {figure.YLabel}"));
        var sb = new StringBuilder();
        using (var writer = new StringWriter(sb, CultureInfo.InvariantCulture)) root.Save(writer, SaveOptions.DisableFormatting);
        var xml = sb.ToString();
        return xml[xml.IndexOf("<svg", StringComparison.Ordinal)..];
    }

    private static XElement Outline(XElement text, ReportFont font)
    {
        var content = WebUtility.HtmlDecode(text.Value).Trim();
        var size = float.Parse((string?)text.Attribute("font-size") ?? "12", CultureInfo.InvariantCulture);
        var xs = Numbers((string?)text.Attribute("x"));
        var ys = Numbers((string?)text.Attribute("y"));
        using var skFont = new SKFont(font.Typeface, size);
        var glyphs = skFont.GetGlyphs(content);
        using var path = new SKPath();
        var y = ys.Count > 0 ? ys[0] : 0;
        if (xs.Count == glyphs.Length)
        {
            // Skia wrote one x per glyph: place each outline where the plot laid it out.
            for (var i = 0; i < glyphs.Length; i++)
            {
                using var glyph = skFont.GetGlyphPath(glyphs[i]);
                if (glyph is null) continue;
                glyph.Transform(SKMatrix.CreateTranslation(xs[i], y));
                path.AddPath(glyph);
            }
        }
        else
        {
            using var whole = skFont.GetTextPath(content, new SKPoint(xs.Count > 0 ? xs[0] : 0, y));
            path.AddPath(whole);
        }

        var outline = new XElement(s_svg + "path", new XAttribute("d", path.ToSvgPathData()));
        foreach (var name in (string[])["transform", "fill", "fill-opacity", "stroke", "opacity"])
            if (text.Attribute(name) is { } attribute) outline.SetAttributeValue(name, attribute.Value);
        // A path is no text: role="img" lets it carry the words it draws for screen readers (ARIA allows aria-label only
        // on elements with a role that takes one; the browser test runs axe on the report).
        outline.SetAttributeValue("role", "img");
        outline.SetAttributeValue("aria-label", content);
        return outline;
    }

    private static List<float> Numbers(string? list) =>
        list is null ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => float.Parse(v, CultureInfo.InvariantCulture))];
}
