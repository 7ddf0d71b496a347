namespace Inkstone.Evaluation.Judging;

/// <summary>What a judging run did; <see cref="Failures"/> names every comparison or answer left without a judgment, and why.</summary>
public sealed record LlmJudgeRunSummary(int Judged, int Skipped, int PositionInconsistent, IReadOnlyList<string> Failures);
