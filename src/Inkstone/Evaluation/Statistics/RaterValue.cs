namespace Inkstone.Evaluation.Statistics;

/// <summary>One rater's category or score for one item (a verdict coded as a number, or a 0–3 rubric score).</summary>
public readonly record struct RaterValue(string Item, string Rater, int Value);
