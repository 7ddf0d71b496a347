using Inkstone.Curation.Items;
using Inkstone.Curation.Modeling;
using Inkstone.Model;

namespace Inkstone.Curation.Scoring;

/// <summary>
/// Scores a draft triplet on request, so that an annotator sees its weak points before submitting: the same three
/// scoring prompts (paper D.4–D.6) through the same <see cref="ICurationModel.ScoreAsync"/> the <c>score</c> stage
/// uses, and the workspace's gate. Nothing is written: no state change, no artifact. A failed call or an answer
/// without all six scores in range is a <see cref="TripletScoringFailure"/>, never default scores.
/// </summary>
public sealed class TripletScoring(ICurationModel? model, ScoreGate gate)
{
    public async Task<TripletScoringResult> ScoreAsync(string article, string query, string thought,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (model is null)
            return Failed(TripletScoringFailure.NoModel, "no model is configured for scoring (llm in inkstone.json)");
        if (string.IsNullOrWhiteSpace(article)) return Failed(TripletScoringFailure.InvalidInput, "the article is empty");
        if (string.IsNullOrWhiteSpace(query)) return Failed(TripletScoringFailure.InvalidInput, "write a query first");
        if (string.IsNullOrWhiteSpace(thought)) return Failed(TripletScoringFailure.InvalidInput, "write a thought first");

        var answer = await model.ScoreAsync(article, query, thought, cancellationToken).ConfigureAwait(false);
        var modelId = answer.ModelId ?? model.ModelId;
        if (!answer.Succeeded)
        {
            var kind = answer.Failure?.Kind.ToString() ?? FailureKinds.Classify(answer.Diagnostic);
            var reason = answer.Failure?.Message ?? answer.Diagnostic ?? "no answer";
            return Failed(kind, reason) with { ModelId = modelId, PromptVersion = answer.PromptVersion };
        }

        var scores = answer.Value!;
        var unusable = AssessmentScores.Dimensions
            .Where(d => scores[d] is not { } v || !AssessmentScores.IsInRange(v)).ToList();
        if (unusable.Count > 0)
        {
            var reason = $"the model's answer has no score from {AssessmentScores.Minimum} to {AssessmentScores.Maximum} "
                + $"for {string.Join(", ", unusable)}";
            return Failed(TripletScoringFailure.Unusable, reason)
                with { ModelId = modelId, PromptVersion = answer.PromptVersion };
        }

        return new TripletScoringResult
        {
            Scores = scores, Verdict = GateVerdict.Of(scores, gate), ModelId = modelId, PromptVersion = answer.PromptVersion,
        };
    }

    private static TripletScoringResult Failed(string kind, string reason) =>
        new() { Failure = new TripletScoringFailure(kind, reason) };
}
