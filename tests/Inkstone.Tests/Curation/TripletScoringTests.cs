using Inkstone.Curation.Modeling;
using Inkstone.Curation.Scoring;
using Inkstone.Llm;
using Inkstone.Llm.Configuration;
using Inkstone.Model;
using Inkstone.Testing;

namespace Inkstone.Tests.Curation;

public sealed class TripletScoringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScoreAsync_ModelAnswers_SixScoresAndGateVerdictFromTheScoringCall()
    {
        var model = new FakeCurationModel { Scores = _ => WorkflowSeed.Scores(9, 9, 8, 7, 9, 9) };

        var result = await new TripletScoring(model, ScoreGate.Paper).ScoreAsync("秋风起。", "写秋", "先想落叶", Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(WorkflowSeed.Scores(9, 9, 8, 7, 9, 9), result.Scores);
        // 9+9+8+7+9+9 = 51 reaches the sum, but query creativity 7 is below 8.
        Assert.Equal((false, true, "below 8: QueryCreativity"), (result.Verdict!.Passed, result.Verdict.TotalReached, result.Verdict.Reason));
        Assert.Equal(("fake-model", "score-v1"), (result.ModelId, result.PromptVersion));
        Assert.Equal(1, model.Calls["score:秋风起。"]);
    }

    [Fact]
    public async Task ScoreAsync_ModelFails_ReadableFailureAndNoScores()
    {
        var model = new FakeCurationModel { Scores = _ => null };

        var result = await new TripletScoring(model, ScoreGate.Paper).ScoreAsync("秋风起。", "写秋", "先想落叶", Ct);

        Assert.False(result.Succeeded);
        Assert.Null(result.Scores);
        Assert.Null(result.Verdict);
        Assert.Equal(new TripletScoringFailure("scripted failure", "scripted failure"), result.Failure);
    }

    [Fact]
    public async Task ScoreAsync_AnswerMissingAScore_UnusableNamingTheDimension()
    {
        var model = new FakeCurationModel { Scores = _ => WorkflowSeed.Passing with { ThoughtQuality = null } };

        var result = await new TripletScoring(model, ScoreGate.Paper).ScoreAsync("秋风起。", "写秋", "先想落叶", Ct);

        Assert.Equal(TripletScoringFailure.Unusable, result.Failure!.Kind);
        Assert.Contains("ThoughtQuality", result.Failure.Reason, StringComparison.Ordinal);
        Assert.Null(result.Scores);
    }

    [Fact]
    public async Task ScoreAsync_NoModelOrNoThought_FailsWithoutCallingAModel()
    {
        var model = new FakeCurationModel { Scores = _ => WorkflowSeed.Passing };

        var noModel = await new TripletScoring(null, ScoreGate.Paper).ScoreAsync("秋风起。", "写秋", "先想落叶", Ct);
        var noThought = await new TripletScoring(model, ScoreGate.Paper).ScoreAsync("秋风起。", "写秋", " ", Ct);

        Assert.Equal(TripletScoringFailure.NoModel, noModel.Failure!.Kind);
        Assert.Equal(TripletScoringFailure.InvalidInput, noThought.Failure!.Kind);
        Assert.Empty(model.Calls);
    }

    private static LlmSettings Settings(OpenAIStubServer judge) => LlmSettingsLoader.Parse($$"""
        { "llm": { "models": { "judge": { "base_url": "{{judge.BaseUrl}}", "model": "m-judge", "retry_attempts": 0 } }, "default_model": "judge" } }
        """, "inkstone.json");

    [Fact]
    public async Task ScoreAsync_RealModelLayer_ThreePromptsJoinAndVerdictPasses()
    {
        await using var judge = new OpenAIStubServer(_ => StubReply.Answer("""{"quality": 9, "creativity": 8}"""));
        using var session = new LlmSession(Settings(judge), store: null);

        var result = await new TripletScoring(new LlmCurationModel(session), ScoreGate.Paper).ScoreAsync("秋风起。", "写秋", "先想落叶", Ct);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(WorkflowSeed.Scores(9, 8, 9, 8, 9, 8), result.Scores);
        Assert.Equal((true, 51), (result.Verdict!.Passed, result.Verdict.Total));
        Assert.Equal(("m-judge", "score.article@v1+score.query@v1+score.thought@v1"), (result.ModelId, result.PromptVersion));
        Assert.Equal(3, judge.RequestCount);
    }

    [Fact]
    public async Task ScoreAsync_RealModelLayerOutOfRange_FailureKindFromTheModelLayer()
    {
        await using var judge = new OpenAIStubServer(r => StubReply.Answer(r.LastUserText.Contains("评估写作提示（query）", StringComparison.Ordinal)
            ? """{"quality": 11, "creativity": 5}""" : """{"quality": 9, "creativity": 8}"""));
        using var session = new LlmSession(Settings(judge), store: null);

        var result = await new TripletScoring(new LlmCurationModel(session), ScoreGate.Paper).ScoreAsync("秋风起。", "写秋", "先想落叶", Ct);

        Assert.Equal("OutOfRange", result.Failure!.Kind);
        Assert.Contains("quality = 11", result.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(("m-judge", "score.query@v1"), (result.ModelId, result.PromptVersion));
        Assert.Null(result.Scores);
    }
}
