using System.Net;
using Inkstone.Reports.Figures;
using Inkstone.Reports.Fonts;

namespace Inkstone.Reports.Rendering;

internal static class SvgText
{
    public static string ToOutlines(string svg, ReportFont font, Figure figure)
    {
        _ = font;
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var end = svg.IndexOf('>', open) + 1;
        return svg[..end] + $"<title>{WebUtility.HtmlEncode(figure.Title)}</title>" + svg[end..];
    }
}
