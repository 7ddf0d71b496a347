using System.Text.Json;
using Inkstone.Curation.Modeling;
using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>
/// annotated → scored | revise(gate): the model scores the six dimensions and the gate decides (sum ≥ 50 and each ≥ 8
/// by default). Runs only with <c>gate.scorer = model</c>; otherwise scores are imported from people.
/// </summary>
public sealed class ModelScoreStage(ICurationStore store, ICurationModel? model, WorkspaceConfig.GateConfig config) : ICurationStage
{
    public string Name => "score";
    public CurationState From => CurationState.Annotated;
    public int BatchSize => 8;

    public string? UnavailableReason => config.Scorer != "model" ? "gate.scorer is human: import six-dimension scores with 'inkstone import scores'"
        : model is null ? "no model configured: LLM scoring skipped, items wait in 'annotated'" : null;

    public async Task<StageResult> ProcessAsync(CurationItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var artifacts = await store.GetArtifactsAsync(item.Id, cancellationToken).ConfigureAwait(false);
        if (!artifacts.TryGetValue("annotation", out var annotation))
            return StageResult.Quarantine(Name, From, Actor.System("pipeline"), "annotated item has no annotation artifact");
        using var json = JsonDocument.Parse(annotation.Json);
        var query = json.RootElement.GetProperty("query").GetString() ?? "";
        var thought = json.RootElement.GetProperty("thought").GetString() ?? "";
        var answer = await model!.ScoreAsync(item.Text, query, thought, cancellationToken).ConfigureAwait(false);
        var actor = Actor.Model(answer.ModelId ?? model.ModelId, answer.PromptVersion);
        if (!answer.Succeeded) return StageResult.Quarantine(Name, From, actor, answer);
        return GateDecision.Apply(answer.Value!, new ScoreGate(config.MinimumTotal, config.MinimumEach), actor, answer.ModelId ?? model.ModelId);
    }
}
