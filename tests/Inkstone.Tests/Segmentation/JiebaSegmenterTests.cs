using Inkstone.Text.Segmentation;

namespace Inkstone.Tests.Segmentation;

// Every expected token list below was produced by Python jieba 0.42.1 (Debian python3-jieba) while this
// segmenter was written; the integration suite re-checks the same behaviour against Python at test time.
public sealed class JiebaSegmenterTests
{
    private static readonly JiebaSegmenter s_segmenter = JiebaSegmenter.Default;

    [Theory]
    [InlineData("我来到北京清华大学", new[] { "我", "来到", "北京", "清华大学" })]
    [InlineData("他来到了网易杭研大厦", new[] { "他", "来到", "了", "网易", "杭研", "大厦" })]
    [InlineData("小明硕士毕业于中国科学院计算所，后在日本京都大学深造", new[] { "小明", "硕士", "毕业", "于", "中国科学院", "计算所", "，", "后", "在", "日本京都大学", "深造" })]
    [InlineData("iPhone15发布了，售价5999元，涨幅3.5%。", new[] { "iPhone15", "发布", "了", "，", "售价", "5999", "元", "，", "涨幅", "3.5%", "。" })]
    [InlineData("C++和C#是编程语言", new[] { "C++", "和", "C#", "是", "编程语言" })]
    [InlineData("全角标点：“你好！”（测试）", new[] { "全角", "标点", "：", "“", "你好", "！", "”", "（", "测试", "）" })]
    [InlineData("ａｂｃ１２３全角字母", new[] { "ａ", "ｂ", "ｃ", "１", "２", "３", "全角字", "母" })]
    [InlineData("abc.def-ghi_jkl", new[] { "abc", ".", "def", "-", "ghi", "_", "jkl" })]
    [InlineData("Python3.11版本", new[] { "Python3.11", "版本" })]
    [InlineData("\u3000\u3000段落缩进", new[] { "\u3000", "\u3000", "段落", "缩进" })]
    public void Cut_Precise_MatchesPythonJieba(string text, string[] expected) =>
        Assert.Equal(expected, s_segmenter.Cut(text, SegmentationMode.Precise));

    [Theory]
    [InlineData("他来到了网易杭研大厦", new[] { "他", "来到", "了", "网易", "杭", "研", "大厦" })]
    [InlineData("小明硕士毕业于中国科学院计算所", new[] { "小", "明", "硕士", "毕业", "于", "中国科学院", "计算所" })]
    [InlineData("iPhone15发布了，涨幅3.5%。", new[] { "iPhone15", "发布", "了", "，", "涨幅", "3", ".", "5", "%", "。" })]
    [InlineData("Python3.11版本", new[] { "Python3", ".", "11", "版本" })]
    public void Cut_PreciseNoHmm_MatchesPythonJieba(string text, string[] expected) =>
        Assert.Equal(expected, s_segmenter.Cut(text, SegmentationMode.PreciseNoHmm));

    [Theory]
    [InlineData("我来到北京清华大学", new[] { "我", "来到", "北京", "清华", "清华大学", "华大", "大学" })]
    [InlineData("𠀀𠀁中文𪚥字", new[] { "𠀀𠀁", "中文", "𪚥", "字" })]
    [InlineData("㐀㐁研究生命", new[] { "㐀㐁", "研究", "研究生", "生命" })]
    [InlineData("全角标点：“你好！”（测试）", new[] { "全角", "标点", "：“", "你好", "！”（", "测试", "）" })]
    [InlineData("ａｂｃ１２３全角字母", new[] { "ａｂｃ１２３", "全角", "全角字", "字母" })]
    [InlineData("  多个 空格", new[] { " ", " ", "多个", " ", "空格" })]
    public void Cut_Full_MatchesPythonJiebaWithoutEmptyStrings(string text, string[] expected) =>
        Assert.Equal(expected, s_segmenter.Cut(text, SegmentationMode.Full));

    [Theory]
    [InlineData("我来到北京清华大学", new[] { "我", "来到", "北京", "清华", "华大", "大学", "清华大学" })]
    [InlineData("小明硕士毕业于中国科学院计算所", new[] { "小明", "硕士", "毕业", "于", "中国", "科学", "学院", "科学院", "中国科学院", "计算", "计算所" })]
    [InlineData("ａｂｃ全角字母", new[] { "ａ", "ｂ", "ｃ", "全角", "全角字", "母" })]
    public void Cut_Search_MatchesPythonJieba(string text, string[] expected) =>
        Assert.Equal(expected, s_segmenter.Cut(text, SegmentationMode.Search));

    [Theory]
    [InlineData(SegmentationMode.Precise)]
    [InlineData(SegmentationMode.PreciseNoHmm)]
    [InlineData(SegmentationMode.Full)]
    [InlineData(SegmentationMode.Search)]
    [InlineData(SegmentationMode.SearchNoHmm)]
    public void Cut_Empty_ReturnsNoTokens(SegmentationMode mode) => Assert.Empty(s_segmenter.Cut("", mode));

    [Theory]
    [InlineData(SegmentationMode.Precise)]
    [InlineData(SegmentationMode.PreciseNoHmm)]
    public void Cut_CharactersOutsideBmp_AreWholeTokens(SegmentationMode mode)
    {
        Assert.Equal(["𠀀", "𠀁", "中文", "𪚥", "字"], s_segmenter.Cut("𠀀𠀁中文𪚥字", mode));
        Assert.Equal(["😀", "表情符号", "😀", "测试"], s_segmenter.Cut("😀表情符号😀测试", mode));
    }

    [Fact]
    public void Cut_SearchAroundCharactersOutsideBmp_AddsGramsOfHanWords() =>
        Assert.Equal(["😀", "表情", "符号", "表情符号", "😀", "测试"], s_segmenter.Cut("😀表情符号😀测试", SegmentationMode.Search));

    [Fact]
    public void Cut_ExtensionA_EachCharacterIsAToken() =>
        Assert.Equal(["㐀", "㐁", "研究", "生命"], s_segmenter.Cut("㐀㐁研究生命"));

    [Fact]
    public void Cut_WhitespaceRuns_OneTokenPerCharacterAndCrLfTogether() =>
        Assert.Equal([" ", " ", "多个", " ", " ", " ", "空格", "\t", "\t", "制表", "\r\n", "换行", "\n", "\n"],
            s_segmenter.Cut("  多个   空格\t\t制表\r\n换行\n\n"));

    [Fact]
    public void Cut_PythonOnlyWhitespace_IsSeparateToken() =>
        // U+001C is whitespace to Python's \s but not to char.IsWhiteSpace; either way it is a one-character token.
        Assert.Equal(["a", "\u00a0", "b", "\u2028", "c", "\u001c", "d"], s_segmenter.Cut("a\u00a0b\u2028c\u001cd"));

    [Fact]
    public void Cut_RandomText_TokensConcatenateToInput()
    {
        var random = new Random(20240501);
        string[] pieces = ["中", "国", "人", "a", "Z", "9", ".", "%", " ", "\r\n", "，", "𠀀", "😀", "㐀", "研究生", "\u3000", "-"];
        for (var round = 0; round < 200; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var mode in new[] { SegmentationMode.Precise, SegmentationMode.PreciseNoHmm })
            {
                var tokens = s_segmenter.Cut(text, mode);
                Assert.Equal(text, string.Concat(tokens));
                Assert.All(tokens, t => Assert.False(char.IsHighSurrogate(t[^1]), $"split surrogate pair in \"{text}\""));
            }
        }
    }

    [Fact]
    public void CutRanges_Precise_SameTokensAsCut()
    {
        const string text = "小明硕士毕业于中国科学院计算所，后在日本京都大学深造";
        var ranges = new List<TokenRange>();
        s_segmenter.CutRanges(text, SegmentationMode.Precise, ranges);
        Assert.Equal(s_segmenter.Cut(text, SegmentationMode.Precise), ranges.Select(r => text.Substring(r.Start, r.Length)));
    }

    [Fact]
    public void CutRanges_Full_Throws() =>
        Assert.Throws<NotSupportedException>(() => s_segmenter.CutRanges("中文", SegmentationMode.Full, []));

    [Fact]
    public void Cut_InterfaceUsesOptionsMode()
    {
        var segmenter = new JiebaSegmenter(JiebaDictionary.Default, JiebaHmmModel.Default, new JiebaSegmenterOptions { Mode = SegmentationMode.PreciseNoHmm });
        Assert.Equal(["他", "来到", "了", "网易", "杭", "研", "大厦"], ((IWordSegmenter)segmenter).Cut("他来到了网易杭研大厦"));
    }

    [Fact]
    public void Cut_AfterAddAndDeleteWord_FollowsDictionary()
    {
        var dictionary = JiebaDictionary.LoadDefault();
        var segmenter = new JiebaSegmenter(dictionary, JiebaHmmModel.Default);
        const string text = "今天天气不错，李小福是创新办主任也是云计算方面的专家";
        Assert.Equal(["今天天气", "不错", "，", "李小福", "是", "创新", "办", "主任", "也", "是", "云", "计算", "方面", "的", "专家"], segmenter.Cut(text));

        dictionary.AddWord("创新办", 3, "i");
        Assert.Equal(1, dictionary.AddWord("云计算"));
        Assert.Equal(60101967 + 3 + 1, dictionary.Total);
        Assert.Equal(["今天天气", "不错", "，", "李小福", "是", "创新办", "主任", "也", "是", "云计算", "方面", "的", "专家"], segmenter.Cut(text));

        dictionary.DeleteWord("专家");
        Assert.Equal(["今天天气", "不错", "，", "李小福", "是", "创新办", "主任", "也", "是", "云计算", "方面", "的", "专", "家"], segmenter.Cut(text));
        Assert.Equal(["今天天气", "不错", "，", "李", "小", "福", "是", "创新办", "主任", "也", "是", "云计算", "方面", "的", "专", "家"], segmenter.Cut(text, SegmentationMode.PreciseNoHmm));
    }

    [Fact]
    public void Cut_DeletedWordFoundByHmm_IsSplitIntoCharacters()
    {
        var dictionary = JiebaDictionary.LoadDefault();
        var segmenter = new JiebaSegmenter(dictionary, JiebaHmmModel.Default);
        dictionary.DeleteWord("杭研");
        Assert.Equal(["他", "来到", "了", "网易", "杭", "研", "大厦"], segmenter.Cut("他来到了网易杭研大厦"));
    }

    [Fact]
    public void Cut_ManyThreadsAtOnce_SameTokensAsOneThread()
    {
        string[] texts = ["小明硕士毕业于中国科学院计算所，后在日本京都大学深造", "他来到了网易杭研大厦", "iPhone15发布了，售价5999元，涨幅3.5%。", "𠀀𠀁中文𪚥字"];
        var expected = texts.Select(t => s_segmenter.Cut(t, SegmentationMode.Precise)).ToArray();
        var results = new List<string>[400];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = s_segmenter.Cut(texts[i % texts.Length], SegmentationMode.Precise));
        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % texts.Length], results[i]);
    }
}
