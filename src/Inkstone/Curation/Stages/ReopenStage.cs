using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>revise → ready: triplets sent back by the gate or by reviewers return to annotation (paper §2.3, iterative refinement).</summary>
public sealed class ReopenStage : ICurationStage
{
    public string Name => "reopen";
    public CurationState From => CurationState.Revise;
    public string? UnavailableReason => null;
    public int BatchSize => 500;

    public Task<StageResult> ProcessAsync(CurationItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Task.FromResult(new StageResult(CurationState.Ready, Actor.System("pipeline"), "refinement", $"back to annotation after: {item.Reason}"));
    }
}
