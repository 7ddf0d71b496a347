namespace Inkstone.Evaluation.Analysis;

/// <summary>The behaviour of segment <paramref name="Segment"/> (0-based, <see cref="ReasoningBehaviors.Segments"/>) of one generation.</summary>
public sealed record BehaviorLabel(string QueryId, string Model, int Sample, int Segment, ReasoningBehavior Behavior, string Labeler);
