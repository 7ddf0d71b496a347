using Inkstone.Text.Distributions;
using Inkstone.Text.Diversity;

namespace Inkstone.Evaluation.Analysis;

/// <summary>
/// Output statistics of one model in one language (paper Tables 3–4, Fig. 4, contamination): answer lengths in
/// characters (code points) and tokens, lexical diversity (TTR, MATTR, MTLD summarised over answers), and for English
/// prompts the answers containing Chinese by <see cref="Inkstone.Text.Scripts.ChineseContentRule"/>.
/// A measure that could not be computed is null.
/// </summary>
public sealed record ModelOutputAnalysis(
    string Language,
    string Model,
    int Answers,
    DistributionSummary Characters,
    DistributionSummary? Tokens,
    DiversitySummary? Diversity,
    int? Contaminated)
{
    /// <summary>Mean TTR over the answers where it is defined (the paper's TTR of a model).</summary>
    public double? TtrMean => Diversity?.Ttr?.Mean;

    public double? TtrMedian => Diversity?.Ttr?.Median;

    public double? MattrMean => Diversity?.Mattr?.Mean;

    public double? MtldMean => Diversity?.Mtld?.Mean;

    public double? MtldMedian => Diversity?.Mtld?.Median;

    public double? ContaminationRate => Contaminated is { } c && Answers > 0 ? (double)c / Answers : null;
}
