namespace Inkstone.Evaluation.Judgments;

/// <summary>Rubric scores (0–3 per dimension; a dimension may be absent) given to one model's answer to a query.</summary>
public sealed record RubricJudgment(
    string QueryId,
    string Model,
    string Judge,
    JudgeKind JudgeKind,
    IReadOnlyDictionary<RubricDimension, int> Scores,
    string Source,
    int Sample = 0);
