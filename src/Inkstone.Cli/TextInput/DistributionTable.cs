using System.Globalization;
using Inkstone.Text.Distributions;
using Spectre.Console;

namespace Inkstone.Cli.TextInput;

/// <summary>Renders named <see cref="DistributionSummary"/> rows as a console table.</summary>
public static class DistributionTable
{
    public static Table Create(IEnumerable<(string Name, DistributionSummary? Summary)> rows, string format = "0.###")
    {
        var table = new Table().AddColumns("measure", "n", "mean", "median", "Q1", "Q3", "IQR", "min", "max", "whiskers", "outliers");
        foreach (var (name, s) in rows)
        {
            if (s is null)
            {
                table.AddRow(Markup.Escape(name), "0", "–", "–", "–", "–", "–", "–", "–", "–", "–");
                continue;
            }
            string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
            table.AddRow(Markup.Escape(name), s.Count.ToString(CultureInfo.InvariantCulture), F(s.Mean), F(s.Median), F(s.Q1), F(s.Q3), F(s.Iqr),
                F(s.Min), F(s.Max), $"{F(s.LowerWhisker)}–{F(s.UpperWhisker)}", s.Outliers.Count.ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }
}
