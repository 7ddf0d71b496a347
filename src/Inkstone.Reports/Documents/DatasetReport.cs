using System.Globalization;
using Inkstone.Reports.Figures;
using Inkstone.Statistics;

namespace Inkstone.Reports.Documents;

/// <summary>The dataset report (<c>inkstone report dataset</c>): Fig. 3a, 3b, 6, Tables 5–10, spread, balance audit.</summary>
public static class DatasetReport
{
    public static ReportDocument Build(DatasetStatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Statistics;
        var r = report.Summary;
        IReadOnlyList<KeyValuePair<string, string>> about =
        [
            new("source", report.Source),
            new("format", report.Format.ToString().ToLowerInvariant()),
            new("records", $"{N(r.Read)} read, {N(r.Accepted)} accepted, {N(r.Rejected)} rejected"),
            new("taxonomy", s.TaxonomyVersion),
            new("lengths", "Unicode code points (Han characters in the Han columns)"),
        ];
        var notes = new List<string>();
        if (r.Rejected > 0) notes.Add($"{N(r.Rejected)} record(s) were rejected and are not counted (inkstone validate lists why).");
        notes.Add(s.Balance.IsBalanced
            ? $"balance audit: every genre has at least {s.Balance.MinPerGenre} accepted triplets"
            : $"balance audit: {s.Balance.GenresBelowMinimum.Count} genre(s) below {s.Balance.MinPerGenre}, "
              + $"{s.Balance.CategoriesMissing.Count} categor(ies) without a record");
        return new ReportDocument("Inkstone dataset report", about, DatasetFigures.Build(report), DatasetTables.Build(report), notes);
    }

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
