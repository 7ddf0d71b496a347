using Inkstone.Curation.Modeling;
using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>
/// screened → ready | rejected(usability): the usability pre-analysis, then the article analysis stored for annotators.
/// With analysis mode <c>none</c> items become ready without analyses.
/// </summary>
public sealed class AnalyzeStage(ICurationModel? model, WorkspaceConfig.AnalysisConfig config) : ICurationStage
{
    public string Name => "analyze";
    public CurationState From => CurationState.Screened;
    public int BatchSize => 8;

    public string? UnavailableReason => config.Mode == "model" && model is null
        ? "no model configured: usability pre-analysis and article analysis skipped, items wait in 'screened' (configure a model, or set analysis.mode to none)"
        : null;

    public async Task<StageResult> ProcessAsync(CurationItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (config.Mode == "none") return new StageResult(CurationState.Ready, Actor.System("config"), null, "analysis.mode is none: no analyses");
        var usability = await model!.PreAnalyzeAsync(item.Text, cancellationToken).ConfigureAwait(false);
        var actor = Actor.Model(usability.ModelId ?? model.ModelId, usability.PromptVersion);
        if (!usability.Succeeded) return StageResult.Quarantine(Name, From, actor, usability);
        var usabilityArtifact = new ArtifactWrite("usability", CurationJson.Serialize(usability.Value));
        if (!usability.Value!.Usable)
            return new StageResult(CurationState.Rejected, actor, "usability", usability.Value.Analysis) { Artifacts = [usabilityArtifact] };

        var analysis = await model.AnalyzeArticleAsync(item.Text, item.Genre, cancellationToken).ConfigureAwait(false);
        actor = Actor.Model(analysis.ModelId ?? model.ModelId, analysis.PromptVersion);
        if (!analysis.Succeeded) return StageResult.Quarantine(Name, From, actor, analysis);
        return new StageResult(CurationState.Ready, actor)
        {
            Artifacts = [usabilityArtifact, new ArtifactWrite("article_analysis", CurationJson.Serialize(new { analysis = analysis.Value }))],
        };
    }
}
