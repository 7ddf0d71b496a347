using System.Text;
using Inkstone.Evaluation.Judgments;

namespace Inkstone.Reports;

/// <summary>Writes report tables as Markdown or CSV (one CSV block per table, separated by a blank line and headed by the title).</summary>
public static class ReportTableWriter
{
    public static string ToMarkdown(IEnumerable<ReportTable> tables, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var sb = new StringBuilder();
        foreach (var t in tables)
        {
            sb.Append("## ").AppendLine(t.Title).AppendLine();
            sb.Append("| ").AppendJoin(" | ", t.Columns.Select(Md)).AppendLine(" |");
            sb.Append('|').AppendJoin("", t.Columns.Select(_ => "---|")).AppendLine();
            foreach (var row in t.Rows) sb.Append("| ").AppendJoin(" | ", row.Select(Md)).AppendLine(" |");
            if (t.Note is not null) sb.AppendLine().Append('*').Append(t.Note).AppendLine("*");
            sb.AppendLine();
        }
        var list = notes?.ToList() ?? [];
        if (list.Count > 0)
        {
            sb.AppendLine("## Notes").AppendLine();
            foreach (var n in list) sb.Append("- ").AppendLine(n);
        }
        return sb.ToString();

        static string Md(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);
    }

    public static string ToCsv(IEnumerable<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var sb = new StringBuilder();
        foreach (var t in tables)
        {
            sb.Append("# ").AppendLine(t.Title);
            sb.AppendJoin(",", t.Columns.Select(CsvLine.Escape)).AppendLine();
            foreach (var row in t.Rows) sb.AppendJoin(",", row.Select(CsvLine.Escape)).AppendLine();
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
