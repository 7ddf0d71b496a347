using System.Text;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Queries;
using Inkstone.Text.Diversity;
using Inkstone.Text.Scripts;
using Inkstone.Text.Segmentation;

namespace Inkstone.Tests.Evaluation.Analysis;

public sealed class OutputAnalyzerTests
{
    private static GenerationRecord G(string query, string model, string answer, long? tokens = null) =>
        new(query, model, 0, answer, null, null, tokens, 0, null, null, DateTimeOffset.UnixEpoch);

    private static BenchmarkQuery Q(string id, string language) => new(id, language, language == "zh" ? "poetry" : "slogan", "q", new());

    /// <summary>Analyses one answer per query, all by model M, every query in <paramref name="language"/>.</summary>
    private static ModelOutputAnalysis AnalyzeOne(string language, OutputAnalysisOptions options, params string[] answers)
    {
        var queries = answers.Select((_, i) => Q("q" + i, language)).ToArray();
        var result = OutputAnalyzer.Analyze(answers.Select((a, i) => G("q" + i, "M", a)).ToList(), queries, options);
        return Assert.Single(result);
    }

    /// <summary>Cuts a text into code points (a segmenter whose tokens are obvious by hand).</summary>
    private sealed class CodePointSegmenter : IWordSegmenter
    {
        public IReadOnlyList<string> Cut(string text) => text.EnumerateRunes().Select(r => r.ToString()).ToArray();
    }

    /// <summary>Returns the given tokens for every text.</summary>
    private sealed class FixedSegmenter(params string[] tokens) : IWordSegmenter
    {
        public IReadOnlyList<string> Cut(string text) => tokens;
    }

    [Fact]
    public void Analyze_CharacterLengths_BoxPlotHandComputed()
    {
        // lengths 4 1 100 3 2 — numpy: quantile([1,2,3,4,100], [.25,.5,.75]) = 2, 3, 4; IQR 2 → fences −1 and 7; 100 is an outlier
        var o = AnalyzeOne("en", new OutputAnalysisOptions(), "abcd", "a", new string('x', 100), "abc", "ab");
        var b = o.Characters;
        Assert.Equal((5, 22.0, 2.0, 3.0, 4.0, 1.0, 4.0), (b.Count, b.Mean, b.Q1, b.Median, b.Q3, b.LowerWhisker, b.UpperWhisker));
        Assert.Equal([100.0], b.Outliers);
    }

    [Fact]
    public void Analyze_TtrAndMattr_HandComputed()
    {
        var segmenter = new FixedSegmenter("a", "b", "a", "c", "a");
        var o = AnalyzeOne("zh", new OutputAnalysisOptions { ChineseSegmenter = segmenter, Diversity = new LexicalDiversityOptions { MattrWindow = 3 } }, "甲");
        Assert.Equal(0.6, o.TtrMean!.Value, 12);
        // windows of 3: {a,b,a}=2/3, {b,a,c}=3/3, {a,c,a}=2/3 → mean 7/9
        Assert.Equal(7.0 / 9, o.MattrMean!.Value, 12);
        var wide = AnalyzeOne("zh", new OutputAnalysisOptions { ChineseSegmenter = segmenter, Diversity = new LexicalDiversityOptions { MattrWindow = 10 } }, "甲");
        Assert.Equal(0.6, wide.MattrMean!.Value, 12);
    }

    [Fact]
    public void Analyze_ChinesePunctuationAndWhitespaceTokens_AreNotWords()
    {
        // counted: 我们 写 诗 我们 → 3/4 (with the punctuation and the space it would be 6/7)
        var o = AnalyzeOne("zh", new OutputAnalysisOptions { ChineseSegmenter = new FixedSegmenter("我们", "，", "写", " ", "诗", "。", "我们") }, "甲");
        Assert.Equal(0.75, o.TtrMean!.Value, 12);
    }

    [Fact]
    public void Analyze_EnglishWords_KeepInnerApostrophesAndAreLowerCased()
    {
        // words: the writer’s don't 2024 the → 4 types of 5 (— ; ! dropped; "The" and "the" one type)
        var o = AnalyzeOne("en", new OutputAnalysisOptions(), "The writer’s — don't; 2024! the");
        Assert.Equal(0.8, o.TtrMean!.Value, 12);
    }

    [Fact]
    public void Analyze_Mtld_HandComputed()
    {
        // a b a b a b (threshold .72): forward a 1, b 1, a 2/3 ≤ .72 → factor; b 1, a 1, b 2/3 → factor; 2 factors → 6/2 = 3.
        // Backward the same. A text with every token distinct has no factor and no MTLD.
        var o = AnalyzeOne("en", new OutputAnalysisOptions(), "a b a b a b", "one two three");
        Assert.Equal(3, o.MtldMean!.Value, 12);
        Assert.Equal(1, o.Diversity!.MtldUndefined);
    }

    [Theory]
    [InlineData("A plain English answer.", 0, false, false)]
    [InlineData("She said “你好，世界” softly.", 4, false, false)]
    // 5 Han in one run: contamination under a 5-character threshold, not under the default 10
    [InlineData("Title: 春江花月夜 (a poem)", 5, false, true)]
    [InlineData("Only punctuation ，。、", 0, false, false)]
    [InlineData("Names 李白, 杜甫, 王维, 白居易 and 苏轼", 11, false, false)] // many Han, but no run of 4
    [InlineData("The poem reads 床前明月光，疑是地上霜。", 10, true, true)]
    public void Analyze_Contamination_UsesSharedRuleAndItsThresholds(string answer, int han, bool byDefault, bool withMinHan5)
    {
        Assert.Equal(han, UnicodeScripts.CountHan(answer));
        Assert.Equal(byDefault ? 1 : 0, AnalyzeOne("en", new OutputAnalysisOptions(), answer).Contaminated);
        var five = new OutputAnalysisOptions { Contamination = new ChineseContentOptions { MinHanCharacters = 5 } };
        Assert.Equal(withMinHan5 ? 1 : 0, AnalyzeOne("en", five, answer).Contaminated);
    }

    [Fact]
    public void Analyze_PerLanguageAndModel()
    {
        BenchmarkQuery[] queries = [Q("z1", "zh"), Q("z2", "zh"), Q("e1", "en"), Q("e2", "en")];
        var gens = new List<GenerationRecord>
        {
            G("z1", "M", "春风春雨", 3), G("z2", "M", "秋月𠀀", 5),
            G("e1", "M", "Tea time, tea time.", 4), G("e2", "M", "Drink 床前明月光疑是地上霜 today", 6),
            new("e2", "N", 0, null, null, null, null, 0, null, "timeout", DateTimeOffset.UnixEpoch),
        };
        var result = OutputAnalyzer.Analyze(gens, queries, new OutputAnalysisOptions { ChineseSegmenter = new CodePointSegmenter() });
        Assert.Equal(2, result.Count); // N has no successful answer
        var zh = result[0];
        Assert.Equal(("zh", 2), (zh.Language, zh.Answers));
        Assert.Equal(3.5, zh.Characters.Mean, 12); // 4 and 3 code points (𠀀 is one code point, two UTF-16 units)
        Assert.Equal(4.0, zh.Tokens!.Mean, 12);
        Assert.Equal((0.75 + 1.0) / 2, zh.TtrMean!.Value, 12);
        Assert.Null(zh.Contaminated);
        var en = result[1];
        Assert.Equal(1, en.Contaminated); // 10 Han characters in one run
        Assert.Equal(0.5, en.ContaminationRate!.Value, 12);
        // "tea time tea time" → 2/4; "drink 床 前 … 霜 today" (each Han character a token of the word tokenizer) → 12/12
        Assert.Equal(0.75, en.TtrMean!.Value, 12);
    }

    [Fact]
    public void Analyze_NoChineseSegmenter_LeavesChineseDiversityOut()
    {
        var o = AnalyzeOne("zh", new OutputAnalysisOptions(), "春风又绿江南岸");
        Assert.Null(o.Diversity);
        Assert.Null(o.TtrMean);
        Assert.Equal(7, o.Characters.Mean);
    }

    [Fact]
    public void Analyze_TokenCounter_ReplacesUsageTokens()
    {
        var o = AnalyzeOne("en", new OutputAnalysisOptions { TokenCounter = new Utf8ByteCounter() }, "ab", "春");
        Assert.Equal((2 + 3) / 2.0, o.Tokens!.Mean, 12); // "ab" 2 bytes, "春" 3 bytes
    }

    private sealed class Utf8ByteCounter : Inkstone.Text.Lengths.ITokenCounter
    {
        public string Name => "utf-8 bytes";

        public int CountTokens(string text) => Encoding.UTF8.GetByteCount(text);
    }
}
