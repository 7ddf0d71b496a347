namespace Inkstone.Evaluation.Judging;

/// <summary>Settings of an LLM judging run.</summary>
public sealed record LlmJudgeRunOptions
{
    /// <summary>Name recorded as the judge (e.g. "qwen3-judge"); with the prompt version it identifies the judgments.</summary>
    public required string JudgeName { get; init; }

    /// <summary>Compare every model with this one only; null compares every pair of models.</summary>
    public string? Baseline { get; init; }

    public int Sample { get; init; }

    public int MaxConcurrency { get; init; } = 4;
}
