namespace Inkstone.Curation;

/// <summary>What one stage did in one run: items moved, by target state and reason, or why it was skipped.</summary>
public sealed record StageRunReport(string Stage, string? Skipped, long Processed, IReadOnlyDictionary<string, long> Outcomes, long Requeued, long Conflicts);
