using Inkstone.Model;

namespace Inkstone.Tests.Model;

public sealed class ScoreGateTests
{
    private static AssessmentScores All(int v) => new()
    {
        ArticleQuality = v, ArticleCreativity = v, QueryQuality = v, QueryCreativity = v, ThoughtQuality = v, ThoughtCreativity = v,
    };

    [Fact]
    public void Evaluate_AllEights_FailsTotalBelow50() => Assert.False(ScoreGate.Paper.Evaluate(All(8)).Passed); // 48 < 50

    [Fact]
    public void Evaluate_Total50EachAtLeast8_Passes()
    {
        var scores = All(8).With(ScoreDimension.ArticleQuality, 10); // 50
        Assert.Equal(50, scores.Total);
        Assert.True(ScoreGate.Paper.Evaluate(scores).Passed);
    }

    [Fact]
    public void Evaluate_OneDimensionBelow8_FailsWithDimensionNamed()
    {
        var scores = All(10).With(ScoreDimension.ThoughtCreativity, 7); // total 57 but one 7
        var result = ScoreGate.Paper.Evaluate(scores);
        Assert.False(result.Passed);
        Assert.Contains("ThoughtCreativity", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingScore_NeverPasses()
    {
        var result = ScoreGate.Paper.Evaluate(All(10).With(ScoreDimension.QueryQuality, null));
        Assert.False(result.Passed);
        Assert.Contains("QueryQuality", result.Reason, StringComparison.Ordinal);
    }
}
