using Inkstone.Reports.Fonts;

namespace Inkstone.Tests.Reports;

/// <summary>
/// Rendering tests need a CJK font on the machine (CI installs fonts-wqy-microhei). Locally a missing one skips the
/// test with the reason; under CI (CI=true) it fails it, so a CI machine without the font cannot pass unnoticed.
/// </summary>
internal static class RequiredFont
{
    private static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static ReportFont Cjk()
    {
        try
        {
            return CjkFontResolver.Resolve(null);
        }
        catch (ReportFontException e)
        {
            var message = $"no CJK font on this machine ({e.Message})";
            if (Required) Assert.Fail(message + " (required under CI)");
            Assert.Skip(message);
            throw;
        }
    }

    /// <summary>A font file without Chinese glyphs: DejaVu Sans, as Debian's fonts-dejavu-core or matplotlib ship it.</summary>
    public static string LatinOnly()
    {
        string[] candidates =
        [
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
        ];
        if (candidates.FirstOrDefault(File.Exists) is { } found) return found;
        var message = "no DejaVu Sans font file (fonts-dejavu-core or python3-matplotlib)";
        if (Required) Assert.Fail(message + " (required under CI)");
        Assert.Skip(message);
        return "";
    }
}
