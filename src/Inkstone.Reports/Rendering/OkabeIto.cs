namespace Inkstone.Reports.Rendering;

/// <summary>
/// The Okabe–Ito palette (Okabe &amp; Ito, 2008), safe for the common colour-vision deficiencies and distinct in grey
/// print; yellow comes last (it is faint on white).
/// </summary>
public static class OkabeIto
{
    public static readonly IReadOnlyList<string> Colors =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"];

    public static string Color(int index) => Colors[index % Colors.Count];
}
