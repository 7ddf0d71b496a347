using Inkstone.Curation.Assessment;
using Inkstone.Model;

namespace Inkstone.Tests.Curation;

public sealed class RuleBasedAssessorTests
{
    private static readonly RuleBasedAssessor s_assessor = new(new RuleAssessmentOptions());

    private static string Prose(int sentences) => string.Concat(Enumerable.Range(0, sentences).Select(i => $"第{i}句讲了一件不同的事情。\n"));

    [Fact]
    public void Assess_CleanProse_PassesWithTopCompletenessAndNoRejections()
    {
        var result = s_assessor.Assess(Prose(30).TrimEnd(), null);
        Assert.True(result.Passed, string.Join(";", result.Rejections));
        Assert.Equal(10, result.Scores.ContentCompleteness);
        Assert.Equal(10, result.Scores.ErrorCorrection);
        Assert.Equal(10, result.Scores.LogicalConsistency);
    }

    [Fact]
    public void Assess_TooShort_RejectedWithCounts()
    {
        var result = s_assessor.Assess("太短了。", null);
        Assert.Equal("too short: 4 < 20 characters", Assert.Single(result.Rejections));
        Assert.Equal(1, result.Scores.ContentCompleteness);
    }

    [Fact]
    public void Assess_ContinuationMarker_RejectedAsTruncated()
    {
        var result = s_assessor.Assess(Prose(5) + "（未完待续）", null);
        Assert.Contains(result.Rejections, r => r.StartsWith("truncated", StringComparison.Ordinal));
        Assert.Equal(3, result.Scores.ContentCompleteness);
    }

    [Fact]
    public void Assess_LongLastLineWithoutPunctuation_RejectedAsTruncated()
    {
        var result = s_assessor.Assess(Prose(30) + "最后这一句话写到一半就突然没有了后面的内容而且一直没有标点符号", null);
        Assert.Contains("truncated (ends mid-sentence with '号')", result.Rejections);
    }

    [Fact]
    public void Assess_SignatureAndDateLastLines_NotTruncated()
    {
        var result = s_assessor.Assess(Prose(30) + "\n阳光花园业主委员会\n2024年6月12日", null);
        Assert.True(result.Passed, string.Join(";", result.Rejections));
    }

    [Fact]
    public void Measure_RepeatedLines_ShareOfCharactersInLaterCopies()
    {
        // Line "这一行重复出现了很多很多次" (13 chars) three times plus a unique 12-char line; separators: 3 newlines.
        var text = "这一行重复出现了很多很多次\n这一行重复出现了很多很多次\n这一行重复出现了很多很多次\n唯一的一行也有十二个字啊";
        var signals = RuleBasedAssessor.Measure(text);
        Assert.Equal(26.0 / text.Length, signals.RepeatedShare, 10); // 2 later copies × 13 chars
        Assert.Contains(s_assessor.Assess(text, null).Rejections, r => r.StartsWith("repetition", StringComparison.Ordinal));
    }

    [Fact]
    public void Measure_ReplacementCharactersAndMojibake_CountedAsGarbled()
    {
        var text = new string('好', 96) + "\uFFFD" + "锟斤拷"; // 100 characters, 1 + 3 garbled
        Assert.Equal(0.04, RuleBasedAssessor.Measure(text).GarbledShare, 10);
        Assert.Equal(1, RuleBasedAssessor.Score(RuleBasedAssessor.Measure(text), new RuleAssessmentOptions()).ErrorCorrection); // 10 - round(80) → clamp 1
    }

    [Fact]
    public void EngagementPrior_Counts_SumOfLogOnePlus()
    {
        Assert.Equal(Math.Log(11) + Math.Log(1) + Math.Log(4), RuleBasedAssessor.EngagementPrior(new Engagement(10, null, 3)), 12);
        Assert.Equal(0, RuleBasedAssessor.EngagementPrior(null));
    }
}
