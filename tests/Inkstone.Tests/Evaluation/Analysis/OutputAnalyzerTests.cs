using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Statistics;
using Inkstone.Text.Segmentation;

namespace Inkstone.Tests.Evaluation.Analysis;

public sealed class OutputAnalyzerTests
{
    [Fact]
    public void BoxPlotSummary_HandComputed()
    {
        // numpy: quantile([1,2,3,4,100], [.25,.5,.75]) = 2, 3, 4; IQR 2 → fences −1 and 7; 100 is an outlier
        var b = BoxPlotSummary.Compute([4, 1, 100, 3, 2]);
        Assert.Equal((5, 22.0, 2.0, 3.0, 4.0, 1.0, 4.0, 1), (b.Count, b.Mean, b.Q1, b.Median, b.Q3, b.WhiskerLow, b.WhiskerHigh, b.Outliers));
    }

    [Fact]
    public void Ttr_AndMattr_HandComputed()
    {
        string[] tokens = ["a", "b", "a", "c", "a"];
        Assert.Equal(0.6, LexicalDiversityMeasures.TypeTokenRatio(tokens), 12);
        // windows of 3: {a,b,a}=2/3, {b,a,c}=3/3, {a,c,a}=2/3 → mean 7/9
        Assert.Equal(7.0 / 9, LexicalDiversityMeasures.MovingAverageTypeTokenRatio(tokens, 3), 12);
        Assert.Equal(0.6, LexicalDiversityMeasures.MovingAverageTypeTokenRatio(tokens, 10), 12);
        Assert.Equal(["我们", "写", "诗"], LexicalDiversityMeasures.WordTokens(["我们", "，", "写", " ", "诗", "。"]));
    }

    [Fact]
    public void EnglishWordTokenizer_KeepsInnerApostrophesAndLowerCases() =>
        Assert.Equal(["the", "writer's", "don't", "2024"], EnglishWordTokenizer.Tokenize("The writer’s — don't; 2024!"));

    [Theory]
    [InlineData("A plain English answer.", 0, false)]
    [InlineData("She said “你好，世界” softly.", 4, false)]
    [InlineData("Title: 春江花月夜 (a poem)", 5, true)]
    [InlineData("Only punctuation ，。、", 0, false)]
    public void ContaminationRule_CountsHanCharacters(string answer, int han, bool contaminated)
    {
        Assert.Equal(han, ContaminationRule.CountHan(answer));
        Assert.Equal(contaminated, new ContaminationRule().IsContaminated(answer));
    }

    private sealed class CharSegmenter : IWordSegmenter
    {
        public IReadOnlyList<string> Cut(string text) => text.Select(c => c.ToString()).ToArray();
    }

    [Fact]
    public void Analyze_PerLanguageAndModel()
    {
        BenchmarkQuery[] queries = [new("z1", "zh", "poetry", "q", new()), new("z2", "zh", "poetry", "q", new()), new("e1", "en", "slogan", "q", new()), new("e2", "en", "slogan", "q", new())];
        GenerationRecord G(string q, string m, string answer, long? tokens = null) => new(q, m, 0, answer, null, null, tokens, 0, null, null, DateTimeOffset.UnixEpoch);
        var gens = new List<GenerationRecord>
        {
            G("z1", "M", "春风春雨", 3), G("z2", "M", "秋月𠀀", 5),
            G("e1", "M", "Tea time, tea time.", 4), G("e2", "M", "Drink 一杯好茶吧 today", 6),
            new("e2", "N", 0, null, null, null, null, 0, null, "timeout", DateTimeOffset.UnixEpoch),
        };
        var result = OutputAnalyzer.Analyze(gens, queries, new OutputAnalysisOptions { ChineseSegmenter = new CharSegmenter() });
        Assert.Equal(2, result.Count); // N has no successful answer
        var zh = result[0];
        Assert.Equal(("zh", 2), (zh.Language, zh.Answers));
        Assert.Equal(3.5, zh.Characters.Mean, 12); // 4 and 3 code points (𠀀 is one code point, two UTF-16 units)
        Assert.Equal(4.0, zh.Tokens!.Mean, 12);
        Assert.Equal((0.75 + 1.0) / 2, zh.TtrMean!.Value, 12);
        Assert.Null(zh.Contaminated);
        var en = result[1];
        Assert.Equal(1, en.Contaminated);
        Assert.Equal(0.5, en.ContaminationRate!.Value, 12);
        // "tea time tea time" → 2/4; "drink 一杯好茶吧 today" → 3/3
        Assert.Equal(0.75, en.TtrMean!.Value, 12);
    }
}
