using System.Globalization;
using Inkstone.Evaluation.Reports;
using Inkstone.Reports.Figures;

namespace Inkstone.Reports.Documents;

/// <summary>
/// The evaluation report (<c>inkstone report eval</c>): the figures of <see cref="EvalFigures"/> and the tables of
/// <c>eval report</c> (<see cref="EvaluationReportTables"/>), both from one <see cref="EvaluationReport"/>.
/// </summary>
public static class EvalReport
{
    public static ReportDocument Build(EvaluationReport report, IReadOnlyList<KeyValuePair<string, string>> about)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(about);
        return new ReportDocument("Inkstone evaluation report", [.. about, .. Summary(report)], EvalFigures.Build(report),
            EvaluationReportTables.Build(report), report.Notes);
    }

    /// <summary>What the report rests on: models and verdicts per language.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> Summary(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        yield return new("models", string.Join(", ", report.Models));
        foreach (var lang in report.Languages)
            yield return new($"verdicts ({lang.Language})", lang.Verdicts.ToString("N0", CultureInfo.InvariantCulture));
    }
}
