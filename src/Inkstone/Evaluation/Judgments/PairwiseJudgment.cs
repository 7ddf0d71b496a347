using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Judgments;

/// <summary>
/// One verdict on answer A (by <see cref="ModelA"/>) against answer B for a query. <see cref="Origin"/> says where it came
/// from: "pairwise", "ranking" (implied by a full ranking) or "llm". <see cref="PositionInconsistent"/> is set for an LLM
/// verdict whose two presentation orders disagreed (the verdict is then a tie).
/// </summary>
public sealed record PairwiseJudgment(
    string QueryId,
    string ModelA,
    string ModelB,
    string Judge,
    JudgeKind JudgeKind,
    Verdict Verdict,
    string Origin,
    string Source,
    bool PositionInconsistent = false,
    int Sample = 0)
{
    public PairwiseOutcome ToOutcome() => new(QueryId, ModelA, ModelB, Judge, Verdict);
}
