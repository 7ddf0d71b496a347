using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Statistics;

public sealed class AgreementTests
{
    [Fact]
    public void CohenKappa_HandComputedTable()
    {
        // 2×2 table [[4,1],[2,3]]: pₒ = 0.7, pₑ = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4
        var pairs = new List<(int, int)>();
        pairs.AddRange(Enumerable.Repeat((0, 0), 4));
        pairs.Add((0, 1));
        pairs.AddRange(Enumerable.Repeat((1, 0), 2));
        pairs.AddRange(Enumerable.Repeat((1, 1), 3));
        var k = CohenKappa.Compute(pairs);
        Assert.Equal(0.4, k.Value, 12);
        Assert.Equal(10, k.Items);
    }

    [Fact]
    public void CohenKappa_PerPair_UsesSharedItemsOnly()
    {
        var values = new List<RaterValue>
        {
            new("i1", "x", 0), new("i1", "y", 0),
            new("i2", "x", 1), new("i2", "y", 1),
            new("i3", "x", 1), new("i3", "y", 0),
            new("i4", "x", 0), // y did not rate i4
        };
        var pair = Assert.Single(CohenKappa.PerPair(values));
        // pₒ = 2/3; x: 0,1,1 → (1/3, 2/3); y: 0,1,0 → (2/3, 1/3); pₑ = 2/9+2/9 = 4/9; κ = (2/3−4/9)/(5/9) = 0.4
        Assert.Equal(0.4, pair.Kappa.Value, 12);
        Assert.Equal(3, pair.Kappa.Items);
    }

    [Fact]
    public void CohenKappa_SameRaterTwiceOnItem_Throws() =>
        Assert.Throws<ArgumentException>(() => CohenKappa.Compute([new("i", "x", 0), new("i", "x", 1)], "x", "y"));

    [Fact]
    public void FleissKappa_WikipediaExample()
    {
        // Fleiss' worked example (10 subjects, 14 raters, 5 categories); statsmodels fleiss_kappa gives 0.20993070442195522.
        int[][] table =
        [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ];
        var counts = table.Select(row => (IReadOnlyDictionary<int, int>)row.Select((n, c) => (n, c)).Where(x => x.n > 0).ToDictionary(x => x.c, x => x.n)).ToList();
        Assert.Equal(0.20993070442195522, FleissKappa.Compute(counts).Value, 12);
    }

    [Fact]
    public void FleissKappa_FromRaterValues_EqualsCohenStyleHandValue()
    {
        // Two items, three raters: item1 all 0 (P=1), item2 0,1,1 (P=1/3); P̄=2/3; p0=4/6, p1=2/6, Pe=5/9; κ=(2/3−5/9)/(4/9)=0.25
        var values = new List<RaterValue> { new("a", "r1", 0), new("a", "r2", 0), new("a", "r3", 0), new("b", "r1", 0), new("b", "r2", 1), new("b", "r3", 1) };
        Assert.Equal(0.25, FleissKappa.Compute(values).Value, 12);
    }

    // Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", example C: 4 observers, 12 units, missing values.
    private static readonly int?[][] s_krippendorffC =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    private static List<RaterValue> KrippendorffC() =>
        s_krippendorffC.SelectMany((row, r) => row.Select((v, u) => (v, u)).Where(x => x.v.HasValue).Select(x => new RaterValue($"u{x.u}", $"o{r}", x.v!.Value))).ToList();

    [Fact]
    public void KrippendorffAlpha_Nominal_MatchesPublishedExample() =>
        Assert.Equal(0.743, KrippendorffAlpha.Compute(KrippendorffC(), KrippendorffMetric.Nominal).Value, 3);

    [Fact]
    public void KrippendorffAlpha_Ordinal_MatchesPublishedExample() =>
        Assert.Equal(0.815, KrippendorffAlpha.Compute(KrippendorffC(), KrippendorffMetric.Ordinal).Value, 3);

    [Fact]
    public void KrippendorffAlpha_SkipsUnitsWithOneValue()
    {
        var result = KrippendorffAlpha.Compute(KrippendorffC(), KrippendorffMetric.Nominal);
        Assert.Equal(11, result.Items); // unit 12 has a single value
    }

    [Fact]
    public void JudgeAgreement_WithAndWithoutTies()
    {
        PairwiseOutcome[] human =
        [
            new("q1", "X", "Y", "h1", Verdict.A), new("q1", "Y", "X", "h2", Verdict.B), // both say X
            new("q2", "X", "Y", "h1", Verdict.Tie),
            new("q3", "X", "Y", "h1", Verdict.B),
            new("q4", "X", "Y", "h1", Verdict.A), // judge did not judge q4
        ];
        PairwiseOutcome[] judge = [new("q1", "X", "Y", "j", Verdict.A), new("q2", "Y", "X", "j", Verdict.Tie), new("q3", "X", "Y", "j", Verdict.A)];
        var r = JudgeAgreement.Compute(human, judge);
        Assert.Equal(4, r.Pairs);
        Assert.Equal(3, r.Agreeing);
        Assert.Equal(3, r.DecisivePairs);
        Assert.Equal(2, r.DecisiveAgreeing);
        Assert.Equal(0.75, r.WithTies, 12);
        Assert.Equal(2.0 / 3, r.WithoutTies, 12);
    }

    [Theory]
    [InlineData(Verdict.A, Verdict.A, Verdict.A, false)]
    [InlineData(Verdict.Tie, Verdict.Tie, Verdict.Tie, false)]
    [InlineData(Verdict.A, Verdict.B, Verdict.Tie, true)]
    [InlineData(Verdict.A, Verdict.Tie, Verdict.Tie, true)]
    public void PositionSwap_Combine(Verdict original, Verdict swapped, Verdict expected, bool inconsistent) =>
        Assert.Equal((expected, inconsistent), PositionSwap.Combine(original, swapped));
}
