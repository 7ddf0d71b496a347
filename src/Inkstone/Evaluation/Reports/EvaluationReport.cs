using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Judgments;

namespace Inkstone.Evaluation.Reports;

/// <summary>The evaluation report: per-language statistics, agreement, rubric means, LLM-judge quality, output analyses (with the settings they were measured by), and the notes on what was left out and why.</summary>
public sealed record EvaluationReport(
    IReadOnlyList<string> Models,
    IReadOnlyList<LanguageReport> Languages,
    AgreementReport Agreement,
    IReadOnlyDictionary<string, IReadOnlyDictionary<RubricDimension, (double Mean, int Count)>> RubricMeans,
    IReadOnlyList<LlmJudgeReport> LlmJudges,
    IReadOnlyList<ModelOutputAnalysis> Outputs,
    IReadOnlyList<BehaviorDistribution> Behaviors,
    IReadOnlyList<string> Notes,
    OutputAnalysisOptions OutputOptions);
