namespace Inkstone.Curation;

/// <summary>What one stage did in one run: items moved, by target state and reason, or why it was skipped.</summary>
public sealed record StageRunReport(string Stage, string? Skipped, long Processed, IReadOnlyDictionary<string, long> Outcomes, long Requeued, long Conflicts)
{
    /// <summary>
    /// Why the stage stopped before its work was done: the model endpoint is unavailable (its cause), or "interrupted".
    /// Null when it ran to the end. The run stops with it; claims are released, nothing is quarantined for it.
    /// </summary>
    public string? Stopped { get; init; }
}
