using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Analysis;

/// <summary>
/// Output statistics of one model in one language (paper Tables 3–4, Fig. 4, contamination): answer lengths in
/// characters (code points) and tokens, TTR (mean and median over answers), MATTR mean, and for English prompts the
/// answers containing Chinese by <see cref="ContaminationRule"/>. A measure that could not be computed is null.
/// </summary>
public sealed record ModelOutputAnalysis(
    string Language,
    string Model,
    int Answers,
    BoxPlotSummary Characters,
    BoxPlotSummary? Tokens,
    double? TtrMean,
    double? TtrMedian,
    double? MattrMean,
    int? Contaminated)
{
    public double? ContaminationRate => Contaminated is { } c && Answers > 0 ? (double)c / Answers : null;
}
