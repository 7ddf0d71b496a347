using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Reports;

/// <summary>Everything reported for one language: win rates, ratings, length control and genres.</summary>
public sealed record LanguageReport(
    string Language,
    int Verdicts,
    WinRateMatrix Matrix,
    BradleyTerryResult? BradleyTerry,
    string? BradleyTerryProblem,
    IReadOnlyList<LengthControlledResult> LengthControlled,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, PairCounts>> GenreCounts);
