using Inkstone.Reports;
using Inkstone.Reports.Documents;
using Inkstone.Reports.Figures;

namespace Inkstone.Cli.Commands;

/// <summary>What <c>report … --format json</c> prints: the numbers behind every figure, the tables and where files went.</summary>
public sealed record ReportJson(
    string Title,
    IReadOnlyDictionary<string, string> About,
    string Font,
    string Output,
    IReadOnlyList<string> Files,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<string> Notes)
{
    public ReportJson(ReportDocument document, string font, string output, IReadOnlyList<string> files)
        : this(document?.Title ?? "", document!.About.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            font, output, files, document.Figures, document.Tables, document.Notes)
    {
    }
}
