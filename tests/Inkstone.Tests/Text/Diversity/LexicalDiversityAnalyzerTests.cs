using Inkstone.Text.Diversity;

namespace Inkstone.Tests.Text.Diversity;

public sealed class LexicalDiversityAnalyzerTests
{
    private const string Chinese = "我爱北京。我爱你！";

    private static FakeWordSegmenter Segmenter() => new(new Dictionary<string, string[]>
    {
        [Chinese] = ["我", "爱", "北京", "。", "我", "爱", "你", "！"],
        ["我爱 Go 我"] = ["我", "爱", " ", "Go", " ", "我"],
    });

    [Fact]
    public void Analyze_ChineseWithPunctuation_ExcludesPunctuationByDefault()
    {
        var result = new LexicalDiversityAnalyzer(Segmenter()).Analyze(Chinese);
        // 我 爱 北京 我 爱 你: 6 tokens, 4 types
        Assert.Equal(TextLanguage.Chinese, result.Language);
        Assert.Equal(6, result.Tokens);
        Assert.Equal(4, result.Types);
        Assert.Equal(4.0 / 6, result.Ttr!.Value, 12);
    }

    [Fact]
    public void Analyze_KeepPunctuation_CountsPunctuationAndWhitespaceTokens()
    {
        var analyzer = new LexicalDiversityAnalyzer(Segmenter(), new LexicalDiversityOptions { KeepPunctuation = true });
        var result = analyzer.Analyze(Chinese);
        Assert.Equal(8, result.Tokens);
        Assert.Equal(0.75, result.Ttr!.Value, 12);
        // 我 爱 " " go " " 我: 6 tokens, 4 types (without punctuation: 我 爱 go 我, 3/4)
        Assert.Equal(4.0 / 6, analyzer.Analyze("我爱 Go 我").Ttr!.Value, 12);
        Assert.Equal(0.75, new LexicalDiversityAnalyzer(Segmenter()).Analyze("我爱 Go 我").Ttr!.Value, 12);
    }

    [Fact]
    public void Analyze_English_FoldsCaseUnlessCaseSensitive()
    {
        var folded = new LexicalDiversityAnalyzer(null, new LexicalDiversityOptions { Language = TextLanguage.English });
        Assert.Equal(0.5, folded.Analyze("The the, THE cat.").Ttr!.Value, 12);
        var sensitive = new LexicalDiversityAnalyzer(null, new LexicalDiversityOptions { Language = TextLanguage.English, CaseSensitive = true });
        Assert.Equal(1.0, sensitive.Analyze("The the, THE cat.").Ttr!.Value, 12);
    }

    [Fact]
    public void ResolveLanguage_Auto_ComparesHanWithLatinLetters()
    {
        var analyzer = new LexicalDiversityAnalyzer(Segmenter());
        Assert.Equal(TextLanguage.Chinese, analyzer.ResolveLanguage("我爱北京 you"));
        Assert.Equal(TextLanguage.English, analyzer.ResolveLanguage("I love 北京"));
    }

    [Fact]
    public void Analyze_EnglishTextInAutoMode_DoesNotCallSegmenter()
    {
        var segmenter = Segmenter();
        var result = new LexicalDiversityAnalyzer(segmenter).Analyze("a b a c");
        Assert.Equal(0, segmenter.Calls);
        Assert.Equal(0.75, result.Ttr!.Value, 12);
    }

    [Fact]
    public void Analyze_OnlyPunctuation_MeasuresAreNull()
    {
        var result = new LexicalDiversityAnalyzer(null, new LexicalDiversityOptions { Language = TextLanguage.English }).Analyze("… !!");
        Assert.Equal(0, result.Tokens);
        Assert.Null(result.Ttr);
        Assert.Null(result.Mattr);
        Assert.Null(result.Mtld);
    }

    [Fact]
    public void Constructor_ChineseWithoutSegmenter_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new LexicalDiversityAnalyzer(null, new LexicalDiversityOptions { Language = TextLanguage.Auto }));

    [Fact]
    public void Summary_UndefinedMeasures_AreCountedNotAveraged()
    {
        var texts = new[]
        {
            new TextDiversity(TextLanguage.English, 4, 3, 0.75, 0.75, null),
            new TextDiversity(TextLanguage.English, 2, 1, 0.5, 0.5, 2),
            new TextDiversity(TextLanguage.English, 0, 0, null, null, null),
        };
        var summary = DiversitySummary.Of(texts);
        Assert.Equal(3, summary.Texts);
        Assert.Equal(0.625, summary.Ttr!.Mean, 12);
        Assert.Equal(0.625, summary.Ttr.Median, 12);
        Assert.Equal(1, summary.TtrUndefined);
        Assert.Equal(2, summary.MtldUndefined);
        Assert.Equal(1, summary.Mtld!.Count);
    }
}
