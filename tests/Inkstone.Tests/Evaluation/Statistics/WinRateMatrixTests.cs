using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Statistics;

public sealed class WinRateMatrixTests
{
    private static IEnumerable<PairwiseOutcome> Outcomes(string a, string b, int wins, int losses, int ties)
    {
        var q = 0;
        for (var i = 0; i < wins; i++) yield return new($"q{q++}", a, b, "h1", Verdict.A);
        for (var i = 0; i < losses; i++) yield return new($"q{q++}", b, a, "h1", Verdict.A);
        for (var i = 0; i < ties; i++) yield return new($"q{q++}", a, b, "h1", Verdict.Tie);
    }

    [Fact]
    public void Build_CountsBothOrientationsAndTiesAsHalf()
    {
        var m = WinRateMatrix.Build(Outcomes("X", "Y", 6, 3, 1), ["X", "Y"]);
        Assert.Equal(new PairCounts(6, 3, 1), m.Counts("X", "Y"));
        Assert.Equal(new PairCounts(3, 6, 1), m.Counts("Y", "X"));
        Assert.Equal(0.65, m.Cell("X", "Y")!.WinRate, 12);
        Assert.Equal(0.35, m.Cell("Y", "X")!.WinRate, 12);
        Assert.Null(m.Cell("X", "X"));
    }

    [Fact]
    public void Cell_SignTestUsesDecisiveComparisonsOnly()
    {
        // 5 wins, 0 losses, 10 ties: p = 2/2⁵ regardless of ties.
        var cell = WinRateMatrix.Build(Outcomes("X", "Y", 5, 0, 10)).Cell("X", "Y")!;
        Assert.Equal(0.0625, cell.PValue, 12);
        Assert.False(cell.IsSignificant());
        Assert.Equal(10.0 / 15, cell.WinRate, 12);
    }

    [Fact]
    public void Build_ModelAgainstItself_Throws() =>
        Assert.Throws<ArgumentException>(() => WinRateMatrix.Build([new PairwiseOutcome("q", "X", "X", "h", Verdict.A)]));

    [Fact]
    public void Build_KeepsGivenOrderAndAppendsUnlisted()
    {
        var m = WinRateMatrix.Build(Outcomes("B", "C", 1, 0, 0), ["C", "A"]);
        Assert.Equal(["C", "A", "B"], m.Models);
        Assert.Equal(0, m.Counts("A", "B").Comparisons);
    }
}
