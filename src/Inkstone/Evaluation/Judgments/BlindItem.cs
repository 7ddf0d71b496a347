namespace Inkstone.Evaluation.Judgments;

/// <summary>What an annotator sees: the task and answers under neutral labels, with no model names.</summary>
public sealed record BlindItem(string ItemId, string Query, IReadOnlyList<BlindAnswer> Answers);
