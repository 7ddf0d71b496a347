using System.Globalization;
using Inkstone.Reports;
using Inkstone.Text.Distributions;

namespace Inkstone.Cli.TextInput;

/// <summary>Named <see cref="DistributionSummary"/> rows as one report table (printed by ReportTableOutput).</summary>
public static class DistributionTable
{
    public static readonly IReadOnlyList<string> Columns = ["measure", "n", "mean", "median", "Q1", "Q3", "IQR", "min", "max", "whiskers", "outliers"];

    public static ReportTable Create(string title, IEnumerable<(string Name, DistributionSummary? Summary)> rows, string format = "0.###")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cells = new List<IReadOnlyList<string>>();
        foreach (var (name, s) in rows)
        {
            if (s is null)
            {
                cells.Add([name, "0", "–", "–", "–", "–", "–", "–", "–", "–", "–"]);
                continue;
            }
            string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
            cells.Add([name, s.Count.ToString(CultureInfo.InvariantCulture), F(s.Mean), F(s.Median), F(s.Q1), F(s.Q3), F(s.Iqr),
                F(s.Min), F(s.Max), $"{F(s.LowerWhisker)}–{F(s.UpperWhisker)}", s.Outliers.Count.ToString(CultureInfo.InvariantCulture)]);
        }
        return new ReportTable(title, Columns, cells);
    }
}
