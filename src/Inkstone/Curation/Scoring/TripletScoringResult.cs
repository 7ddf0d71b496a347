using Inkstone.Model;

namespace Inkstone.Curation.Scoring;

/// <summary>The model's six scores of a draft triplet and the gate's verdict on them, or why there are none.</summary>
public sealed record TripletScoringResult
{
    /// <summary>All six scores, each 1–10; null on failure (never defaults).</summary>
    public AssessmentScores? Scores { get; init; }

    public GateVerdict? Verdict { get; init; }

    public TripletScoringFailure? Failure { get; init; }

    /// <summary>The answering model, when one was asked.</summary>
    public string? ModelId { get; init; }

    /// <summary>The prompt keys asked (<c>score.article@v1+score.query@v1+score.thought@v1</c>).</summary>
    public string? PromptVersion { get; init; }

    public bool Succeeded => Failure is null;
}
