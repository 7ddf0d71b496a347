using System.Globalization;
using Inkstone.Curation.Assessment;
using Inkstone.Curation.Modeling;
using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>
/// ingested → assessed | rejected(assessment). The rule-based signals always run and their hard failures (too short,
/// truncated, garbled, repetitive) reject whatever a model would say. With a model that assesses the five dimensions,
/// its scores are stored and gate the item: any score below <see cref="RuleAssessmentOptions.ModelMinEach"/> or a mean
/// below <see cref="RuleAssessmentOptions.ModelMinMean"/> rejects it; a failed call quarantines it (never a default
/// score). Engagement is recorded as a prior, not a gate.
/// </summary>
public sealed class AssessStage(RuleBasedAssessor assessor, ICurationModel? model, RuleAssessmentOptions options) : ICurationStage
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
        if (!answer.Succeeded) return StageResult.Quarantine(Name, From, actor, answer);
        var scores = answer.Value!;
        var failures = ModelRejections(scores, options);
        artifacts.Add(new ArtifactWrite("llm_assessment", CurationJson.Serialize(new
        {
            prompt = answer.PromptVersion, scores, mean = scores.Mean, min_each = options.ModelMinEach, min_mean = options.ModelMinMean,
            passed = failures.Count == 0, rejections = failures,
        })));
        return failures.Count == 0
            ? new StageResult(CurationState.Assessed, actor) { Artifacts = artifacts }
            : new StageResult(CurationState.Rejected, actor, "assessment", "model: " + string.Join("; ", failures)) { Artifacts = artifacts };
    }

    /// <summary>Each dimension below the per-dimension minimum, then the mean when below the mean minimum.</summary>
    public static IReadOnlyList<string> ModelRejections(FiveDimensionScores scores, RuleAssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (name, score) in scores.Dimensions)
            if (score < options.ModelMinEach) failures.Add($"{name} {score} < {options.ModelMinEach}");
        if (scores.Mean < options.ModelMinMean)
            failures.Add($"mean {scores.Mean.ToString("0.0#", CultureInfo.InvariantCulture)} < {options.ModelMinMean.ToString("0.0#", CultureInfo.InvariantCulture)}");
        return failures;
    }
}
