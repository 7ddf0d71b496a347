using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Statistics;

public sealed class BradleyTerryTests
{
    private static IEnumerable<PairwiseOutcome> Games(string a, string b, int aWins, int bWins, int ties = 0, string prefix = "")
    {
        var q = 0;
        for (var i = 0; i < aWins; i++) yield return new($"{prefix}{a}{b}{q++}", a, b, "h", Verdict.A);
        for (var i = 0; i < bWins; i++) yield return new($"{prefix}{a}{b}{q++}", a, b, "h", Verdict.B);
        for (var i = 0; i < ties; i++) yield return new($"{prefix}{a}{b}{q++}", a, b, "h", Verdict.Tie);
    }

    [Fact]
    public void Fit_TwoModels_StrengthRatioIsWinRatio()
    {
        // MLE for two players: π_A/π_B = wins_A/wins_B = 3, so the rating gap is 400·log10 3.
        var result = BradleyTerry.Fit(Games("A", "B", 3, 1).ToList(), new BradleyTerryOptions { Anchor = "B", Resamples = 0 });
        Assert.Equal(1000 + (400 * Math.Log10(3)), result.Ratings.Single(r => r.Model == "A").Rating, 9);
        Assert.Equal(1000, result.Ratings.Single(r => r.Model == "B").Rating, 9);
        Assert.Equal(0.75, result.WinProbability("A", "B"), 9);
    }

    [Fact]
    public void Fit_CountsEqualToExpectation_RecoversTrueStrengths()
    {
        // True strengths 1 : 2 : 4. With wins equal to their expectation the likelihood equations hold at the truth.
        var games = Games("A", "B", 1, 2).Concat(Games("A", "C", 1, 4)).Concat(Games("B", "C", 1, 2)).ToList();
        var result = BradleyTerry.Fit(games, new BradleyTerryOptions { Anchor = "A", AnchorRating = 0, Resamples = 0 });
        Assert.Equal(400 * Math.Log10(2), result.Ratings.Single(r => r.Model == "B").Rating, 7);
        Assert.Equal(400 * Math.Log10(4), result.Ratings.Single(r => r.Model == "C").Rating, 7);
    }

    [Fact]
    public void Fit_TiesCountHalf()
    {
        // 2 wins, 0 losses, 2 ties = 3 : 1 in half-wins.
        var result = BradleyTerry.Fit(Games("A", "B", 2, 0, 2).ToList(), new BradleyTerryOptions { Anchor = "B", Resamples = 0 });
        Assert.Equal(1000 + (400 * Math.Log10(3)), result.Ratings.Single(r => r.Model == "A").Rating, 9);
    }

    [Fact]
    public void Fit_NoAnchor_CentresOnMean()
    {
        var result = BradleyTerry.Fit(Games("A", "B", 3, 1).ToList(), new BradleyTerryOptions { Resamples = 0 });
        Assert.Equal(1000, result.Ratings.Average(r => r.Rating), 9);
    }

    [Fact]
    public void Fit_ModelThatNeverWins_Throws() =>
        Assert.Throws<InvalidOperationException>(() => BradleyTerry.Fit(Games("A", "B", 3, 0).ToList(), new BradleyTerryOptions { Resamples = 0 }));

    [Fact]
    public void Fit_NotConvergedWithinLimit_ThrowsSayingSo()
    {
        var games = Games("A", "B", 1, 2).Concat(Games("A", "C", 1, 4)).Concat(Games("B", "C", 1, 2)).ToList();
        var ex = Assert.Throws<InvalidOperationException>(() => BradleyTerry.Fit(games, new BradleyTerryOptions { Resamples = 0, MaxIterations = 1 }));
        Assert.Contains("did not converge in 1 iterations", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_Bootstrap_IsSeededAndBracketsEstimate()
    {
        var games = Games("A", "B", 30, 20, 5).Concat(Games("B", "C", 25, 20)).Concat(Games("A", "C", 35, 15)).ToList();
        var options = new BradleyTerryOptions { Resamples = 200, Seed = 7 };
        var first = BradleyTerry.Fit(games, options);
        var again = BradleyTerry.Fit(games, options);
        var other = BradleyTerry.Fit(games, options with { Seed = 8 });
        Assert.Equal(first.Ratings, again.Ratings);
        Assert.NotEqual(first.Ratings.Select(r => r.Lower), other.Ratings.Select(r => r.Lower));
        foreach (var r in first.Ratings) Assert.InRange(r.Rating, r.Lower, r.Upper);
        Assert.Equal(0, first.DegenerateResamples);
    }
}
