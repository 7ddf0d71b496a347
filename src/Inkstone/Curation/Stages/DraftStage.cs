using Inkstone.Curation.Modeling;
using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>
/// ready → drafted: the model writes a query, the article+query analysis, and a thought. A draft is never a triplet:
/// it waits in <c>drafted</c> until a person imports an edited or accepted annotation.
/// </summary>
public sealed class DraftStage(ICurationModel? model, WorkspaceConfig.DraftConfig config) : ICurationStage
{
    public string Name => "draft";
    public CurationState From => CurationState.Ready;
    public int BatchSize => 8;

    public string? UnavailableReason => !config.Enabled ? "drafts.enabled is false: ready items wait for human annotation"
        : model is null ? "no model configured: LLM drafts skipped" : null;

    public async Task<StageResult> ProcessAsync(CurationItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var draft = await model!.DraftAsync(item.Text, item.Genre, cancellationToken).ConfigureAwait(false);
        var actor = Actor.Model(draft.ModelId ?? model.ModelId, draft.PromptVersion);
        if (!draft.Succeeded) return StageResult.Quarantine(Name, From, actor, draft);
        var analysis = await model.AnalyzeArticleAndQueryAsync(item.Text, draft.Value!.Query, cancellationToken).ConfigureAwait(false);
        if (!analysis.Succeeded) return StageResult.Quarantine(Name, From, Actor.Model(analysis.ModelId ?? model.ModelId, analysis.PromptVersion), analysis);
        return new StageResult(CurationState.Drafted, actor, null, "LLM draft: waits for a person to edit or accept it")
        {
            Artifacts =
            [
                new ArtifactWrite("draft", CurationJson.Serialize(new { query = draft.Value.Query, thought = draft.Value.Thought, model = draft.ModelId ?? model.ModelId, prompt_version = draft.PromptVersion })),
                new ArtifactWrite("query_analysis", CurationJson.Serialize(new { analysis = analysis.Value })),
            ],
        };
    }
}
