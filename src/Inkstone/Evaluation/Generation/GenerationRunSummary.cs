namespace Inkstone.Evaluation.Generation;

/// <summary>What a run did: answers written, items already present and skipped, and failed calls (kept in the results file with their error).</summary>
public sealed record GenerationRunSummary(int Generated, int Skipped, int Failed);
