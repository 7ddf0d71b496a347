using System.Globalization;
using Inkstone.Reports;

namespace Inkstone.Cli.Rendering;

/// <summary>
/// Writes report tables for people without ever breaking a cell: columns are aligned by display width (numbers to
/// the right); when a table is wider than the terminal, each row is written as a block of <c>column: value</c>
/// lines instead. Output that is redirected has no width limit, so files and pipes always get whole rows.
/// </summary>
public static class TextTableWriter
{
    private const string Gap = "  ";

    public static void Write(TextWriter writer, IEnumerable<ReportTable> tables, int width, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var table in tables) Write(writer, table, width);
        foreach (var note in notes ?? []) writer.WriteLine("note: " + note);
    }

    public static void Write(TextWriter writer, ReportTable table, int width)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        if (table.Title.Length > 0) writer.WriteLine(table.Title);
        var columns = table.Columns.Count;
        var widths = new int[columns];
        var numeric = new bool[columns];
        for (var c = 0; c < columns; c++)
        {
            widths[c] = DisplayWidth.Of(table.Columns[c]);
            numeric[c] = table.Rows.Count > 0;
        }
        foreach (var row in table.Rows)
            for (var c = 0; c < columns && c < row.Count; c++)
            {
                widths[c] = Math.Max(widths[c], DisplayWidth.Of(row[c]));
                if (row[c].Length > 0 && !LooksNumeric(row[c])) numeric[c] = false;
            }
        var total = widths.Sum() + Gap.Length * Math.Max(0, columns - 1);
        if (total <= width) WriteGrid(writer, table, widths, numeric);
        else WriteBlocks(writer, table);
        if (table.Note is not null) writer.WriteLine(table.Note);
        writer.WriteLine();
    }

    private static void WriteGrid(TextWriter writer, ReportTable table, int[] widths, bool[] numeric)
    {
        writer.WriteLine(Line(table.Columns, widths, numeric));
        writer.WriteLine(string.Join(Gap, widths.Select(w => new string('─', w))));
        foreach (var row in table.Rows) writer.WriteLine(Line(row, widths, numeric));
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths, bool[] numeric) =>
        string.Join(Gap, widths.Select((w, c) => DisplayWidth.Pad(c < cells.Count ? cells[c] : "", w, numeric[c]))).TrimEnd();

    private static void WriteBlocks(TextWriter writer, ReportTable table)
    {
        var label = table.Columns.Count == 0 ? 0 : table.Columns.Max(DisplayWidth.Of);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{r + 1}/{table.Rows.Count}]"));
            var row = table.Rows[r];
            for (var c = 0; c < table.Columns.Count; c++)
                writer.WriteLine("  " + DisplayWidth.Pad(table.Columns[c], label, right: false) + " : " + (c < row.Count ? row[c] : ""));
        }
    }

    /// <summary>Numbers, percentages, intervals and dashes for missing values align to the right.</summary>
    private static bool LooksNumeric(string cell)
    {
        var s = cell.Trim();
        if (s is "–" or "-" or "—" or "n/a") return true;
        s = s.TrimEnd('%', '*', '†').Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }
}
