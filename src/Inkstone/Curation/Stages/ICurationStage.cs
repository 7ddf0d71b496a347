using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>
/// One pipeline stage: a function from an item in <see cref="From"/> to its next state (with artifacts and an actor).
/// The runner claims items, calls the stage, and writes each result as one compare-and-swap transition, so a stage
/// never writes to the store itself and a crash between call and write only repeats the call.
/// </summary>
public interface ICurationStage
{
    string Name { get; }

    CurationState From { get; }

    /// <summary>Why the stage cannot run in this configuration (e.g. no model configured), or null when it can.</summary>
    string? UnavailableReason { get; }

    /// <summary>Items claimed per batch; model stages use small batches so that a crash repeats few calls.</summary>
    int BatchSize { get; }

    Task<StageResult> ProcessAsync(CurationItem item, CancellationToken cancellationToken = default);
}
