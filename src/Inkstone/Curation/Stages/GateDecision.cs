using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>The score gate as a transition: pass → scored; fail → revise(gate) (refinement, paper §2.2–2.3).</summary>
public static class GateDecision
{
    public static StageResult Apply(AssessmentScores scores, ScoreGate gate, Actor actor, string scorer)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(gate);
        var result = gate.Evaluate(scores);
        var artifact = new ArtifactWrite("scores", CurationJson.Serialize(new
        {
            scorer,
            article_quality = scores.ArticleQuality, article_creativity = scores.ArticleCreativity,
            query_quality = scores.QueryQuality, query_creativity = scores.QueryCreativity,
            thought_quality = scores.ThoughtQuality, thought_creativity = scores.ThoughtCreativity,
            total = scores.Total, gate = new { minimum_total = gate.MinimumTotal, minimum_each = gate.MinimumEach, passed = result.Passed, reason = result.Reason },
        }));
        return result.Passed
            ? new StageResult(CurationState.Scored, actor, null, $"total {scores.Total}") { Artifacts = [artifact] }
            : new StageResult(CurationState.Revise, actor, "gate", result.Reason) { Artifacts = [artifact] };
    }
}
