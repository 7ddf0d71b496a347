namespace Inkstone.Reports;

/// <summary>A titled table of already formatted cells, rendered as console, Markdown or CSV by the same code.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null);
