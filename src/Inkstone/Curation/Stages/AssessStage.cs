using Inkstone.Curation.Assessment;
using Inkstone.Curation.Modeling;
using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>
/// ingested → assessed | rejected(assessment). The rule-based signals always run; with a model, its five-dimension
/// assessment is stored too (a failed call quarantines the item). Engagement is recorded as a prior, not a gate.
/// </summary>
public sealed class AssessStage(RuleBasedAssessor assessor, ICurationModel? model) : ICurationStage
{
    private static readonly Actor s_rules = new(ActorKind.System, "rules", RuleBasedAssessor.Version);

    public string Name => "assess";
    public CurationState From => CurationState.Ingested;
    public string? UnavailableReason => null;
    public int BatchSize => model is { AssessesFiveDimensions: true } ? 16 : 500;

    public async Task<StageResult> ProcessAsync(CurationItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var verdict = assessor.Assess(item.Text, item.Provenance?.Engagement);
        var artifacts = new List<ArtifactWrite>
        {
            new("assessment", CurationJson.Serialize(new
            {
                version = RuleBasedAssessor.Version, passed = verdict.Passed, scores = verdict.Scores, signals = verdict.Signals,
                rejections = verdict.Rejections, engagement = item.Provenance?.Engagement, engagement_prior = verdict.EngagementPrior,
            })),
        };
        if (!verdict.Passed)
            return new StageResult(CurationState.Rejected, s_rules, "assessment", string.Join("; ", verdict.Rejections)) { Artifacts = artifacts };
        if (model is not { AssessesFiveDimensions: true })
            return new StageResult(CurationState.Assessed, s_rules) { Artifacts = artifacts };

        var answer = await model.AssessAsync(item.Text, cancellationToken).ConfigureAwait(false);
        var actor = Actor.Model(answer.ModelId ?? model.ModelId, answer.PromptVersion);
        if (!answer.Succeeded) return StageResult.Quarantine(Name, From, actor, answer.Diagnostic ?? "no answer");
        artifacts.Add(new ArtifactWrite("llm_assessment", CurationJson.Serialize(answer.Value)));
        return new StageResult(CurationState.Assessed, actor) { Artifacts = artifacts };
    }
}
