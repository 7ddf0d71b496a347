using Inkstone.Text.Scripts;

namespace Inkstone.Tests.Text.Scripts;

public sealed class ChineseContentRuleTests
{
    private const string Drift = "It was a lovely day in the park. 我们今天去公园散步，天气很好。";

    [Fact]
    public void ContainsChinese_ScatteredNames_IsFalse()
    {
        // 10 Han characters, but no run longer than 2
        const string text = "Li Bai (李白) lived in Chang'an (长安) and Luoyang (洛阳) with Du Fu (杜甫) and 王维.";
        var verdict = new ChineseContentRule().Evaluate(text);
        Assert.Equal(10, verdict.Profile.HanCharacters);
        Assert.Equal(2, verdict.LongestHanRun);
        Assert.False(verdict.ContainsChinese);
    }

    [Fact]
    public void ContainsChinese_ChineseSentence_IsTrue()
    {
        // 我们今天去公园散步 (9) + 天气很好 (4) = 13 Han; longest run 9
        var verdict = new ChineseContentRule().Evaluate(Drift);
        Assert.Equal(13, verdict.Profile.HanCharacters);
        Assert.Equal(9, verdict.LongestHanRun);
        Assert.True(verdict.ContainsChinese);
    }

    [Fact]
    public void ContainsChinese_TooFewHan_IsFalse() =>
        Assert.False(new ChineseContentRule().ContainsChinese("A proverb: 我们今天去公园散步."));

    [Fact]
    public void ContainsChinese_ShareThreshold_Applies()
    {
        // Latin letters: Itwasalovelydayinthepark = 24; Han 13 → share 13/37 ≈ .351
        Assert.True(new ChineseContentRule(new ChineseContentOptions { MinHanShare = 0.35 }).ContainsChinese(Drift));
        Assert.False(new ChineseContentRule(new ChineseContentOptions { MinHanShare = 0.36 }).ContainsChinese(Drift));
    }

    [Fact]
    public void Constructor_InvalidShare_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChineseContentRule(new ChineseContentOptions { MinHanShare = 1.5 }));
}
