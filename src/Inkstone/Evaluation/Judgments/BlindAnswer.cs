namespace Inkstone.Evaluation.Judgments;

/// <summary>An answer under its blind label (A, B, C, …).</summary>
public sealed record BlindAnswer(string Label, string Text);
