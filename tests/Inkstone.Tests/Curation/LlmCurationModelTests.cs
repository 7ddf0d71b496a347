using Inkstone.Curation.Modeling;
using Inkstone.Llm;
using Inkstone.Llm.Configuration;
using Inkstone.Testing;

namespace Inkstone.Tests.Curation;

/// <summary><see cref="LlmCurationModel"/> over the real model layer and two loopback stub servers (one per role group).</summary>
public sealed class LlmCurationModelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LlmSettings Settings(OpenAIStubServer drafting, OpenAIStubServer other) => LlmSettingsLoader.Parse($$"""
        { "llm": {
            "models": {
              "writer": { "base_url": "{{drafting.BaseUrl}}", "model": "m-writer", "retry_attempts": 0 },
              "judge":  { "base_url": "{{other.BaseUrl}}", "model": "m-judge", "retry_attempts": 0 } },
            "roles": { "drafting": "writer" },
            "default_model": "judge" } }
        """, "inkstone.json");

    [Fact]
    public async Task DraftAsync_QueryThenThought_ThoughtPromptCarriesTrimmedQueryAndKeysJoin()
    {
        await using var writer = new OpenAIStubServer(r => StubReply.Answer(r.LastUserText.Contains("写作提示（query）。", StringComparison.Ordinal) ? "  以秋为题写一篇散文 \n" : "我先想到落叶。"));
        await using var judge = new OpenAIStubServer(_ => StubReply.Answer("{}"));
        using var session = new LlmSession(Settings(writer, judge), store: null);
        var model = new LlmCurationModel(session);

        var draft = await model.DraftAsync("秋风起，落叶满阶。", null, Ct);

        Assert.True(draft.Succeeded, draft.Diagnostic);
        Assert.Equal(new ReverseEngineeringDraft("以秋为题写一篇散文", "我先想到落叶。"), draft.Value);
        Assert.Equal("draft.query@v1+draft.thought@v1", draft.PromptVersion);
        Assert.Equal("m-writer", draft.ModelId);
        var requests = writer.Requests.OrderBy(r => r.Sequence).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("这篇文学作品", requests[0].LastUserText, StringComparison.Ordinal);
        Assert.Contains("写作提示：\n以秋为题写一篇散文\n", requests[1].LastUserText, StringComparison.Ordinal);
        Assert.Equal(0, judge.RequestCount);
    }

    [Fact]
    public async Task ScoreAsync_SecondCallOutOfRangeTwice_DiagnosticNamesPromptAndModelAndThirdIsNotSent()
    {
        await using var writer = new OpenAIStubServer(_ => StubReply.Answer("x"));
        await using var judge = new OpenAIStubServer(r => StubReply.Answer(r.LastUserText.Contains("评估写作提示（query）", StringComparison.Ordinal)
            ? """{"quality": 11, "creativity": 5}""" : """{"quality": 9, "creativity": 8}"""));
        using var session = new LlmSession(Settings(writer, judge), store: null);
        var model = new LlmCurationModel(session);

        var scores = await model.ScoreAsync("秋风起。", "写秋", "先想落叶", Ct);

        Assert.False(scores.Succeeded);
        Assert.Null(scores.Value);
        Assert.Equal("score.query@v1", scores.PromptVersion);
        Assert.StartsWith("score.query@v1 on m-judge: OutOfRange", scores.Diagnostic, StringComparison.Ordinal);
        Assert.Equal(3, judge.RequestCount); // article; query, asked once more (invalid_answer_retries 1); no thought
    }

    [Fact]
    public async Task ScreenAndPreAnalyze_DefaultRole_MapValuesAndRecordModel()
    {
        await using var writer = new OpenAIStubServer(_ => StubReply.Answer("x"));
        await using var judge = new OpenAIStubServer(r => StubReply.Answer(r.LastUserText.Contains("请判断它是否可用", StringComparison.Ordinal)
            ? """{"usable": false, "reason": "只是目录"}""" : """{"quality": 7, "creativity": 5}"""));
        using var session = new LlmSession(Settings(writer, judge), store: null);
        var model = new LlmCurationModel(session);

        var screening = await model.ScreenAsync("目录：一、二、三", Ct);
        var usability = await model.PreAnalyzeAsync("目录：一、二、三", Ct);

        Assert.Equal(new ScreeningScores(7, 5, null), screening.Value);
        Assert.Equal(("screen.article@v1", "m-judge"), (screening.PromptVersion, screening.ModelId));
        Assert.Equal(new UsabilityVerdict(false, "只是目录"), usability.Value);
        Assert.Equal("analyze.usability@v1", usability.PromptVersion);
        Assert.Equal("m-judge", model.ModelId);
        Assert.True(model.AssessesFiveDimensions);
    }

    [Fact]
    public async Task AssessAsync_ScreeningRole_MapsFiveScoresInOrderAndTrimsReason()
    {
        await using var writer = new OpenAIStubServer(_ => StubReply.Answer("x"));
        await using var judge = new OpenAIStubServer(_ => StubReply.Answer(
            """{"content_completeness": 9, "format_standardization": 7, "error_correction": 6, "logical_consistency": 5, "creativity": 4, "reason": " 结尾仓促 "}"""));
        using var session = new LlmSession(Settings(writer, judge), store: null);
        var model = new LlmCurationModel(session);

        var assessment = await model.AssessAsync("春眠不觉晓，处处闻啼鸟。", Ct);

        Assert.True(assessment.Succeeded, assessment.Diagnostic);
        Assert.Equal(new Inkstone.Curation.Assessment.FiveDimensionScores(9, 7, 6, 5, 4) { Reason = "结尾仓促" }, assessment.Value);
        Assert.Equal(("assess.article@v1", "m-judge"), (assessment.PromptVersion, assessment.ModelId));
        Assert.Contains("文章：\n春眠不觉晓，处处闻啼鸟。\n", judge.Requests.Single().LastUserText, StringComparison.Ordinal);
        Assert.Equal(0, writer.RequestCount);
    }

    [Fact]
    public async Task AssessAsync_ScoreOutOfRange_DiagnosticNamesPromptModelAndField()
    {
        await using var writer = new OpenAIStubServer(_ => StubReply.Answer("x"));
        await using var judge = new OpenAIStubServer(_ => StubReply.Answer(
            """{"content_completeness": 9, "format_standardization": 0, "error_correction": 6, "logical_consistency": 5, "creativity": 4}"""));
        using var session = new LlmSession(Settings(writer, judge), store: null);
        var model = new LlmCurationModel(session);

        var assessment = await model.AssessAsync("春眠不觉晓。", Ct);

        Assert.False(assessment.Succeeded);
        Assert.Null(assessment.Value);
        Assert.StartsWith("assess.article@v1 on m-judge: OutOfRange", assessment.Diagnostic, StringComparison.Ordinal);
        Assert.Contains("format_standardization = 0", assessment.Diagnostic, StringComparison.Ordinal);
    }
}
