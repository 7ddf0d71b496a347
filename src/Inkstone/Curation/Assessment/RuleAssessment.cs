namespace Inkstone.Curation.Assessment;

/// <summary>The verdict of the rule-based assessment: signals, five band scores, and the rejection reasons (empty when it passes).</summary>
public sealed record RuleAssessment(RuleSignals Signals, FiveDimensionScores Scores, IReadOnlyList<string> Rejections, double EngagementPrior)
{
    public bool Passed => Rejections.Count == 0;
}
