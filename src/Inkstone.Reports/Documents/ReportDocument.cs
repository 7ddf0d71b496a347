using Inkstone.Reports.Figures;

namespace Inkstone.Reports.Documents;

/// <summary>
/// One report: what it was made from, its figures (as numbers), its tables and notes. The HTML writer, the figure
/// files and <c>--format json</c> all render this one value.
/// </summary>
public sealed record ReportDocument(
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> About,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<string> Notes);
