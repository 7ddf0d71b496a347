using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Curation.Assessment;
using Inkstone.Curation.Stages;
using Inkstone.Storage;

namespace Inkstone.Tests.Curation;

public sealed class AssessStageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string s_goodText = string.Concat(Enumerable.Range(0, 12).Select(k => $"第{k}句写了不一样的内容。\n")).TrimEnd();

    private static CurationItem Item(string text) => new()
    {
        Id = "i1", State = CurationState.Ingested, Version = 1, Text = text, TextHash = "h", CharCount = text.Length,
        Source = new SourceLocation("f", "line 1"), CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static AssessStage Stage(FakeCurationModel? model, RuleAssessmentOptions? options = null)
    {
        options ??= new RuleAssessmentOptions();
        return new AssessStage(new RuleBasedAssessor(options), model, options);
    }

    [Fact]
    public async Task ProcessAsync_ScoresAtThresholds_AssessedByModelWithScoresStored()
    {
        // Each 5 = min_each, mean (5+6+7+6+6)/5 = 6.0 = min_mean: both bounds are inclusive.
        var model = new FakeCurationModel { Assess = _ => new FiveDimensionScores(5, 6, 7, 6, 6) { Reason = "开头平淡" } };
        var result = await Stage(model).ProcessAsync(Item(s_goodText), Ct);

        Assert.Equal(CurationState.Assessed, result.To);
        Assert.Equal(Actor.Model("fake-model", "assess-v1"), result.Actor);
        Assert.Equal(["assessment", "llm_assessment"], result.Artifacts.Select(a => a.Kind));
        using var json = JsonDocument.Parse(result.Artifacts[1].Json);
        var scores = json.RootElement.GetProperty("scores");
        Assert.Equal((5, 6, 7, 6, 6), (scores.GetProperty("content_completeness").GetInt32(), scores.GetProperty("format_standardization").GetInt32(),
            scores.GetProperty("error_correction").GetInt32(), scores.GetProperty("logical_consistency").GetInt32(), scores.GetProperty("creativity").GetInt32()));
        Assert.Equal("开头平淡", scores.GetProperty("reason").GetString());
        Assert.Equal(6.0, json.RootElement.GetProperty("mean").GetDouble());
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task ProcessAsync_OneDimensionBelowMinEach_RejectedNamingDimension()
    {
        var model = new FakeCurationModel { Assess = _ => new FiveDimensionScores(9, 9, 9, 4, 9) };
        var result = await Stage(model).ProcessAsync(Item(s_goodText), Ct);

        Assert.Equal((CurationState.Rejected, "assessment", "model: logical_consistency 4 < 5"), (result.To, result.ReasonCode, result.Reason));
        Assert.Equal(Actor.Model("fake-model", "assess-v1"), result.Actor);
        Assert.Contains(result.Artifacts, a => a.Kind == "llm_assessment");
    }

    [Fact]
    public async Task ProcessAsync_MeanBelowMinMean_Rejected()
    {
        // Every score ≥ 5, mean (6+6+6+5+5)/5 = 5.6 < 6.
        var model = new FakeCurationModel { Assess = _ => new FiveDimensionScores(6, 6, 6, 5, 5) };
        var result = await Stage(model).ProcessAsync(Item(s_goodText), Ct);

        Assert.Equal((CurationState.Rejected, "model: mean 5.6 < 6.0"), (result.To, result.Reason));
    }

    [Fact]
    public async Task ProcessAsync_ConfiguredThresholds_Apply()
    {
        var model = new FakeCurationModel { Assess = _ => new FiveDimensionScores(6, 6, 6, 5, 5) };
        var result = await Stage(model, new RuleAssessmentOptions { ModelMinEach = 3, ModelMinMean = 5.5 }).ProcessAsync(Item(s_goodText), Ct);

        Assert.Equal(CurationState.Assessed, result.To);
    }

    [Fact]
    public async Task ProcessAsync_ModelFails_QuarantinedWithDiagnosticAndReturnState()
    {
        var model = new FakeCurationModel { Assess = _ => null };
        var result = await Stage(model).ProcessAsync(Item(s_goodText), Ct);

        Assert.Equal((CurationState.Quarantined, "assess", "scripted failure", CurationState.Ingested), (result.To, result.ReasonCode, result.Reason, result.ReturnState));
        var failure = Assert.Single(result.Artifacts);
        Assert.Equal("last_failure", failure.Kind);
        using var json = System.Text.Json.JsonDocument.Parse(failure.Json);
        Assert.Equal(("assess", "scripted failure"), (json.RootElement.GetProperty("stage").GetString(), json.RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ProcessAsync_RuleHardFailure_RejectedByRulesWithoutAskingModel()
    {
        var model = new FakeCurationModel();
        var result = await Stage(model).ProcessAsync(Item("太短了。"), Ct);

        Assert.Equal((CurationState.Rejected, "assessment", "rules"), (result.To, result.ReasonCode, result.Actor.Name));
        Assert.StartsWith("too short", result.Reason, StringComparison.Ordinal);
        Assert.Empty(model.Calls);
    }

    [Fact]
    public async Task ProcessAsync_NoModel_RuleActorAndOnlyRuleArtifact()
    {
        var result = await Stage(null).ProcessAsync(Item(s_goodText), Ct);

        Assert.Equal((CurationState.Assessed, "rules"), (result.To, result.Actor.Name));
        Assert.Equal(["assessment"], result.Artifacts.Select(a => a.Kind));
        Assert.DoesNotContain("reason", result.Artifacts[0].Json, StringComparison.Ordinal);
    }
}
