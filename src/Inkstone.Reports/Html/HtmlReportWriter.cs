using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Inkstone.Reports.Documents;
using Inkstone.Reports.Rendering;

namespace Inkstone.Reports.Html;

/// <summary>
/// Writes a report as one self-contained HTML file: inline CSS, inline SVG figures (text as outlines of the named
/// font, so no font is needed to view it), tables; no script, no external URL. Every text is HTML-escaped: genre and
/// platform names come from data.
/// </summary>
public static partial class HtmlReportWriter
{
    private const string Css = """
        body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#222;
        background:#fff;max-width:1000px;margin:2em auto;padding:0 1em;line-height:1.45}
        h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}
        dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}
        figure{margin:1.5em 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto}
        figcaption{font-size:.9em;color:#444}
        table{border-collapse:collapse;margin:1em 0;font-size:.85em}th,td{border:1px solid #ccc;padding:.2em .5em}
        td.n{text-align:right}th{background:#f3f3f3}caption{font-weight:bold;text-align:left;margin:.3em 0}
        @media print{body{max-width:none}}
        """;

    public static string Write(ReportDocument document, FigureRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(renderer);
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">");
        sb.Append("<title>").Append(E(document.Title)).AppendLine("</title>");
        sb.Append("<style>").Append(Css).AppendLine("</style></head><body>");
        sb.Append("<h1>").Append(E(document.Title)).AppendLine("</h1><dl>");
        foreach (var (key, value) in document.About.Append(new("font", renderer.Font.Description)))
            sb.Append("<dt>").Append(E(key)).Append("</dt><dd>").Append(E(value)).AppendLine("</dd>");
        sb.AppendLine("</dl>");
        if (document.Notes.Count > 0)
        {
            sb.AppendLine("<ul class=\"notes\">");
            foreach (var note in document.Notes) sb.Append("<li>").Append(E(note)).AppendLine("</li>");
            sb.AppendLine("</ul>");
        }

        sb.AppendLine("<h2>Figures</h2>");
        foreach (var figure in document.Figures)
        {
            sb.Append("<figure id=\"").Append(E(figure.Id)).AppendLine("\">");
            sb.AppendLine(Inline(renderer.Svg(figure)));
            sb.Append("<figcaption><b>").Append(E(figure.Title)).Append("</b> (n = ").Append(figure.N.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
                .Append("). Horizontal axis: ").Append(E(figure.XLabel)).Append("; vertical axis: ").Append(E(figure.YLabel))
                .Append(". ").Append(E(figure.Definition)).AppendLine("</figcaption></figure>");
        }

        sb.AppendLine("<h2>Tables</h2>");
        foreach (var table in document.Tables) WriteTable(sb, table);
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    private static void WriteTable(StringBuilder sb, ReportTable table)
    {
        sb.Append("<table><caption>").Append(E(table.Title)).AppendLine("</caption><thead><tr>");
        foreach (var c in table.Columns) sb.Append("<th>").Append(E(c)).Append("</th>");
        sb.AppendLine("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
                sb.Append(NumberCell().IsMatch(cell) ? "<td class=\"n\">" : "<td>").Append(E(cell)).Append("</td>");
            sb.AppendLine("</tr>");
        }
        sb.AppendLine("</tbody></table>");
        if (table.Note is not null) sb.Append("<p><i>").Append(E(table.Note)).AppendLine("</i></p>");
    }

    /// <summary>An SVG document made fit to inline: no XML declaration, no namespace URLs (HTML implies them).</summary>
    internal static string Inline(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return XmlNamespace().Replace(start > 0 ? svg[start..] : svg, "");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"\s+xmlns(:\w+)?=""[^""]*""")]
    private static partial Regex XmlNamespace();

    [GeneratedRegex(@"^-?[\d,.]+%?$")]
    private static partial Regex NumberCell();
}
