namespace Inkstone.Training;

/// <summary>
/// One training run of a mix plan: how many process triplets (null = the whole dataset) and how many general samples.
/// </summary>
public sealed record MixConfiguration(string Name, int? ProcessCount, int GeneralCount)
{
    /// <summary>Table 1 of the paper: M_CW, M_CW+1k, M_CW+5k, M_CW+10k and the general-only baseline M_G (10k general).</summary>
    public static IReadOnlyList<MixConfiguration> PaperDefaults { get; } =
    [
        new("cw", null, 0),
        new("cw_1k", null, 1_000),
        new("cw_5k", null, 5_000),
        new("cw_10k", null, 10_000),
        new("g", 0, 10_000),
    ];
}
