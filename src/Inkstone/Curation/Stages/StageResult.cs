using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>The outcome of a stage for one item.</summary>
public sealed record StageResult(CurationState To, Actor Actor, string? ReasonCode = null, string? Reason = null)
{
    public IReadOnlyList<ArtifactWrite> Artifacts { get; init; } = [];

    /// <summary>A failed model call: the item is quarantined with the diagnostic and retried from <paramref name="from"/> on the next run.</summary>
    public static StageResult Quarantine(string stage, CurationState from, Actor actor, string diagnostic) =>
        new(CurationState.Quarantined, actor, stage, diagnostic) { ReturnState = from };

    public CurationState? ReturnState { get; init; }
}
