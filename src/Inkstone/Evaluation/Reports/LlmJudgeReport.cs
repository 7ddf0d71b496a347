using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Reports;

/// <summary>One LLM judge: how often its two presentation orders disagreed, and how well it agrees with people.</summary>
public sealed record LlmJudgeReport(string Judge, int Verdicts, int PositionInconsistent, double FlipRate, JudgeAgreementResult HumanAgreement);
