using Inkstone.Llm.Structured;

namespace Inkstone.Tests.Llm;

public sealed class StructuredAnswerParserTests
{
    [Fact]
    public void Parse_ValidScore_ReturnsValues()
    {
        var (value, failure) = StructuredAnswerParser.Parse<ScoreResult>("```json\n{\"quality\": 8, \"creativity\": 10}\n```");
        Assert.Null(failure);
        Assert.Equal(8, value!.Quality);
        Assert.Equal(10, value.Creativity);
    }

    [Theory]
    [InlineData("{\"quality\": 0, \"creativity\": 5}", "quality = 0")]
    [InlineData("{\"quality\": 5, \"creativity\": 11}", "creativity = 11")]
    public void Parse_OutOfRange_FailsWithFieldAndKeepsRaw(string raw, string expected)
    {
        var (value, failure) = StructuredAnswerParser.Parse<ScoreResult>(raw);
        Assert.Null(value);
        Assert.Equal(LlmFailureKind.OutOfRange, failure!.Kind);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Equal(raw, failure.RawAnswer);
    }

    [Theory]
    [InlineData("{\"quality\": \"8\", \"creativity\": 7}")]
    [InlineData("{\"quality\": 8.5, \"creativity\": 7}")]
    [InlineData("{\"quality\": 8}")]
    [InlineData("{\"quality\": null, \"creativity\": 7}")]
    public void Parse_WrongTypeOrMissingField_IsSchemaMismatch(string raw)
    {
        var (value, failure) = StructuredAnswerParser.Parse<ScoreResult>(raw);
        Assert.Null(value);
        Assert.Equal(LlmFailureKind.SchemaMismatch, failure!.Kind);
    }

    [Fact]
    public void Parse_CutOffAtTokenLimit_IsTruncated()
    {
        var (_, failure) = StructuredAnswerParser.Parse<ScoreResult>("{\"quality\": 8, \"crea", truncated: true);
        Assert.Equal(LlmFailureKind.Truncated, failure!.Kind);
    }

    [Fact]
    public void Parse_Prose_IsMalformedJson() =>
        Assert.Equal(LlmFailureKind.MalformedJson, StructuredAnswerParser.Parse<ScoreResult>("质量不错，给 8 分").Failure!.Kind);

    [Fact]
    public void Parse_Rubric_RangeIsZeroToThree()
    {
        const string ok = "{\"content_quality\":0,\"creative_merit\":3,\"cultural_appropriateness\":2,\"task_fulfilment\":1,\"overall_preference\":2,\"reason\":\"可\"}";
        Assert.Equal(3, StructuredAnswerParser.Parse<RubricResult>(ok).Value!.CreativeMerit);
        var bad = ok.Replace("\"creative_merit\":3", "\"creative_merit\":4", StringComparison.Ordinal);
        Assert.Equal(LlmFailureKind.OutOfRange, StructuredAnswerParser.Parse<RubricResult>(bad).Failure!.Kind);
    }

    [Fact]
    public void Parse_InitialAssessment_ReasonOptionalAndEachScoreOneToTen()
    {
        const string ok = "{\"content_completeness\":1,\"format_standardization\":10,\"error_correction\":5,\"logical_consistency\":6,\"creativity\":7}";
        var value = StructuredAnswerParser.Parse<InitialAssessmentResult>(ok).Value!;
        Assert.Equal((1, 10, 5, 6, 7, (string?)null), (value.ContentCompleteness, value.FormatStandardization, value.ErrorCorrection, value.LogicalConsistency, value.Creativity, value.Reason));
        var bad = ok.Replace("\"creativity\":7", "\"creativity\":11", StringComparison.Ordinal);
        var failure = StructuredAnswerParser.Parse<InitialAssessmentResult>(bad).Failure!;
        Assert.Equal(LlmFailureKind.OutOfRange, failure.Kind);
        Assert.Contains("creativity = 11", failure.Message, StringComparison.Ordinal);
        var missing = ok.Replace(",\"creativity\":7", "", StringComparison.Ordinal);
        Assert.Null(StructuredAnswerParser.Parse<InitialAssessmentResult>(missing).Value);
    }

    [Fact]
    public void Parse_PairwiseUnknownWinner_Fails()
    {
        Assert.Equal(PairwiseWinner.Tie, StructuredAnswerParser.Parse<PairwiseVerdict>("{\"winner\":\"tie\",\"reason\":\"相当\"}").Value!.Winner);
        Assert.Null(StructuredAnswerParser.Parse<PairwiseVerdict>("{\"winner\":\"C\",\"reason\":\"?\"}").Value);
    }

    [Fact]
    public void Parse_ReasoningLabelsOutOfOrder_FailsNamingSegment()
    {
        var good = StructuredAnswerParser.Parse<ReasoningLabels>("{\"labels\":[{\"segment\":1,\"behaviour\":\"deep_reasoning\"},{\"segment\":2,\"behaviour\":\"self_reflection\"}]}");
        Assert.Equal([ReasoningBehaviour.DeepReasoning, ReasoningBehaviour.SelfReflection], good.Value!.Labels.Select(l => l.Behaviour));
        var bad = StructuredAnswerParser.Parse<ReasoningLabels>("{\"labels\":[{\"segment\":2,\"behaviour\":\"normal_writing\"}]}");
        Assert.Contains("labels[0].segment = 2", bad.Failure!.Message, StringComparison.Ordinal);
    }
}
