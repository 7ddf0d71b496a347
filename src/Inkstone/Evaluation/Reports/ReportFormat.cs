using System.Globalization;

namespace Inkstone.Evaluation.Reports;

/// <summary>How numbers are written in report tables (invariant culture).</summary>
internal static class ReportFormat
{
    public static string Percent(double proportion) => double.IsNaN(proportion) ? "–" : (100 * proportion).ToString("F2", CultureInfo.InvariantCulture);

    public static string Number(double value, int decimals = 3) => double.IsNaN(value) ? "–" : value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string PValue(double p) => p < 1e-4 ? p.ToString("0.00E+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
