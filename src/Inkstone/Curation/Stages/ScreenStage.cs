using Inkstone.Curation.Modeling;
using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>
/// assessed → screened | rejected(screening): LLM article quality and creativity against the configured minimums.
/// With screening mode <c>none</c> items pass unscreened (recorded with that reason).
/// </summary>
public sealed class ScreenStage(ICurationModel? model, WorkspaceConfig.ScreeningConfig config) : ICurationStage
{
    public string Name => "screen";
    public CurationState From => CurationState.Assessed;
    public int BatchSize => 16;

    public string? UnavailableReason => config.Mode == "model" && model is null
        ? "no model configured: LLM screening skipped, items wait in 'assessed' (configure a model, or set screening.mode to none)"
        : null;

    public async Task<StageResult> ProcessAsync(CurationItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (config.Mode == "none") return new StageResult(CurationState.Screened, Actor.System("config"), null, "screening.mode is none: not screened");
        var answer = await model!.ScreenAsync(item.Text, cancellationToken).ConfigureAwait(false);
        var actor = Actor.Model(answer.ModelId ?? model.ModelId, answer.PromptVersion);
        if (!answer.Succeeded) return StageResult.Quarantine(Name, From, actor, answer);
        var s = answer.Value!;
        ArtifactWrite[] artifacts = [new("screening", CurationJson.Serialize(s))];
        var low = new List<string>();
        if (s.ArticleQuality < config.MinQuality) low.Add($"article quality {s.ArticleQuality} < {config.MinQuality}");
        if (s.ArticleCreativity < config.MinCreativity) low.Add($"article creativity {s.ArticleCreativity} < {config.MinCreativity}");
        return low.Count > 0
            ? new StageResult(CurationState.Rejected, actor, "screening", string.Join("; ", low)) { Artifacts = artifacts }
            : new StageResult(CurationState.Screened, actor) { Artifacts = artifacts };
    }
}
