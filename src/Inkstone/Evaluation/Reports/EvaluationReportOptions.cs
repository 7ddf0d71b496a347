using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Reports;

/// <summary>Settings of an evaluation report.</summary>
public sealed record EvaluationReportOptions
{
    /// <summary>Row and column order of the tables; models not listed follow in order of appearance.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Reference model of the length-controlled win rate (e.g. M_G); null skips it.</summary>
    public string? Baseline { get; init; }

    public JudgeSelection Judges { get; init; } = JudgeSelection.Human;

    public BradleyTerryOptions BradleyTerry { get; init; } = new();

    /// <summary>How answers are measured when generations are given (length, TTR, contamination).</summary>
    public OutputAnalysisOptions Outputs { get; init; } = new();

    /// <summary>Significance level for marking cells.</summary>
    public double Alpha { get; init; } = 0.05;
}
