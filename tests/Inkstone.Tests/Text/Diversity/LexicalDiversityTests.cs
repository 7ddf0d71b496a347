using Inkstone.Text.Diversity;

namespace Inkstone.Tests.Text.Diversity;

public sealed class LexicalDiversityTests
{
    private static string[] T(string spaced) => spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Ttr_RepeatedToken_IsTypesOverTokens()
    {
        // a b a c: 3 types / 4 tokens
        Assert.Equal(0.75, LexicalDiversity.Ttr(T("a b a c"))!.Value, 12);
    }

    [Fact]
    public void Ttr_NoTokens_IsNull() => Assert.Null(LexicalDiversity.Ttr([]));

    [Fact]
    public void Mattr_Window3_IsMeanOfWindowTtrs()
    {
        // windows of a b a c b b: [a b a] 2/3, [b a c] 3/3, [a c b] 3/3, [c b b] 2/3 → (2+3+3+2)/(3·4) = 10/12
        Assert.Equal(10.0 / 12, LexicalDiversity.Mattr(T("a b a c b b"), 3)!.Value, 12);
    }

    [Fact]
    public void Mattr_TextShorterThanWindow_IsTtrOfWholeText()
    {
        Assert.Equal(2.0 / 3, LexicalDiversity.Mattr(T("a a b"), 50)!.Value, 12);
    }

    [Fact]
    public void Mattr_TextAsLongAsWindow_IsTtr()
    {
        Assert.Equal(0.75, LexicalDiversity.Mattr(T("a b a c"), 4)!.Value, 12);
    }

    [Fact]
    public void Mtld_PartialFactorBackward_IsMeanOfPasses()
    {
        // forward a a b c: a (1), a (1/2 ≤ .72) → factor 1; b c remain with TTR 1 → partial 0. 4 / 1 = 4.
        // backward c b a a: TTR 1, 1, 1, 3/4 = .75 > .72; partial (1 − .75)/(1 − .72) = .25/.28. 4 / (.25/.28) = 4.48.
        // MTLD = (4 + 4.48) / 2 = 4.24
        Assert.Equal(4.24, LexicalDiversity.Mtld(T("a a b c"))!.Value, 12);
    }

    [Fact]
    public void Mtld_TtrEqualToThreshold_EndsFactor()
    {
        // threshold .5; forward a b a b c: after 4 tokens TTR 2/4 = .5 reaches the threshold → factor; c remains (TTR 1, partial 0): 5 / 1 = 5.
        // backward c b a b a: 1,1,1,3/4,3/5 = .6 → partial (1 − .6)/(1 − .5) = .8: 5 / .8 = 6.25. MTLD = 5.625.
        // (Ending factors only below the threshold would give 6.25.)
        Assert.Equal(5.625, LexicalDiversity.Mtld(T("a b a b c"), 0.5)!.Value, 12);
    }

    [Fact]
    public void Mtld_SeveralFullFactors_CountsEach()
    {
        // forward a b a b c c: a, b, a (2/3 ≤ .72) → 1; b, c, c (2/3) → 2; nothing remains: 6/2 = 3.
        // backward c c b a b a: c, c (1/2) → 1; b, a, b (2/3) → 2; a remains (TTR 1, partial 0): 6/2 = 3.
        Assert.Equal(3.0, LexicalDiversity.Mtld(T("a b a b c c"))!.Value, 12);
    }

    [Fact]
    public void Mtld_AllTokensDistinct_IsNull() => Assert.Null(LexicalDiversity.Mtld(T("a b c d")));

    [Fact]
    public void Mtld_NoTokens_IsNull() => Assert.Null(LexicalDiversity.Mtld([]));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Mtld_ThresholdOutOfRange_Throws(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LexicalDiversity.Mtld(T("a b"), threshold));

    [Fact]
    public void Mattr_WindowZero_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => LexicalDiversity.Mattr(T("a b"), 0));
}
