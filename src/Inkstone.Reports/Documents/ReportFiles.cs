using System.Text;
using Inkstone.Reports.Rendering;

namespace Inkstone.Reports.Documents;

/// <summary>Writes each figure of a report as <c>ID.svg</c> and <c>ID.png</c>, and each table as a CSV file, into a folder.</summary>
public static class ReportFiles
{
    public static async Task<IReadOnlyList<string>> WriteAsync(ReportDocument document, FigureRenderer renderer, string folder,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(renderer);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var figure in document.Figures)
        {
            var svg = Path.Combine(folder, figure.Id + ".svg");
            await File.WriteAllTextAsync(svg, renderer.Svg(figure), Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            var png = Path.Combine(folder, figure.Id + ".png");
            await File.WriteAllBytesAsync(png, renderer.Png(figure), cancellationToken).ConfigureAwait(false);
            written.Add(svg);
            written.Add(png);
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            var stem = Slug(table.Title);
            for (var i = 2; !used.Add(stem); i++) stem = $"{Slug(table.Title)}-{i}";
            var csv = Path.Combine(folder, "table-" + stem + ".csv");
            // One table per file: drop the "# title" line ReportTableWriter puts above each CSV block.
            var text = ReportTableWriter.ToCsv([table]);
            await File.WriteAllTextAsync(csv, text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..], new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            written.Add(csv);
        }
        return written;
    }

    /// <summary>A file-name stem: ASCII letters and digits of the title, others folded to single dashes.</summary>
    internal static string Slug(string title)
    {
        var sb = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "table" : slug;
    }
}
