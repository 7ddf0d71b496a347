using Inkstone.Reports;

namespace Inkstone.Cli.Rendering;

/// <summary>Writes report tables in the <c>--format</c> a person chose: text (aligned, never broken), md or csv.</summary>
public static class ReportTableOutput
{
    public static void Write(TextWriter writer, IReadOnlyList<ReportTable> tables, string format, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (format)
        {
            case "md":
                writer.Write(ReportTableWriter.ToMarkdown(tables, notes));
                break;
            case "csv":
                writer.Write(ReportTableWriter.ToCsv(tables));
                break;
            case "text":
                TextTableWriter.Write(writer, tables, ConsoleWidth.Current, notes);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a table format");
        }
    }
}
