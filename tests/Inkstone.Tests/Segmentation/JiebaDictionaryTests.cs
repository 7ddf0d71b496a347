using System.Text;
using Inkstone.Text.Segmentation;

namespace Inkstone.Tests.Segmentation;

// Expected frequencies and totals were read from Python jieba 0.42.1 (FREQ, total, suggest_freq, load_userdict).
public sealed class JiebaDictionaryTests
{
    [Fact]
    public void Default_HasJiebaTotalsAndPrefixes()
    {
        var dictionary = JiebaDictionary.Default;
        Assert.Equal(60101967, dictionary.Total);
        Assert.Equal(498113, dictionary.Count);
        Assert.Equal(34488, dictionary.GetFrequency("北京"));
        Assert.Equal(0, dictionary.GetFrequency("北京大"));
        Assert.Null(dictionary.GetFrequency("北京大学城市"));
        Assert.True(dictionary.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => dictionary.AddWord("云计算"));
    }

    [Fact]
    public void SuggestFrequency_WordAndSegments_MatchPython()
    {
        var dictionary = JiebaDictionary.LoadDefault();
        Assert.Equal(494, dictionary.SuggestFrequency(["中", "将"]));
        Assert.Equal(69, dictionary.SuggestFrequency("台中"));
        Assert.Equal(1, dictionary.SuggestFrequency("创新办"));
    }

    [Fact]
    public void AddUserDictionary_JiebaFormat_ParsesWordFrequencyAndTag()
    {
        var dictionary = JiebaDictionary.LoadDefault();
        var file = "\uFEFF云计算 5 n\n\n  创新办 3 i  \r\nword 12 abc x\n李小福 nr\n台中\nhello world 7\n杭研 0\n";
        dictionary.AddUserDictionary(Encoding.UTF8.GetBytes(file), "user.txt");

        Assert.Equal(5, dictionary.GetFrequency("云计算"));
        Assert.Equal("n", dictionary.GetTag("云计算"));
        Assert.Equal(3, dictionary.GetFrequency("创新办"));
        Assert.Equal(1, dictionary.GetFrequency("word 12 abc"));
        Assert.Equal("x", dictionary.GetTag("word 12 abc"));
        Assert.Equal(1, dictionary.GetFrequency("李小福"));
        Assert.Equal("nr", dictionary.GetTag("李小福"));
        Assert.Equal(69, dictionary.GetFrequency("台中"));
        Assert.Equal(7, dictionary.GetFrequency("hello world"));
        Assert.Equal(0, dictionary.GetFrequency("杭研"));
        Assert.Contains("杭研", dictionary.ForceSplitWords);
        Assert.Equal(60102053, dictionary.Total);

        var segmenter = new JiebaSegmenter(dictionary, JiebaHmmModel.Default);
        Assert.Equal(["李小福", "是", "创新办", "主任", "也", "是", "云计算", "方面", "的", "专家", "，", "杭", "研", "大厦"],
            segmenter.Cut("李小福是创新办主任也是云计算方面的专家，杭研大厦"));
    }

    [Fact]
    public void AddUserDictionary_InvalidUtf8_NamesSourceAndLine()
    {
        var dictionary = JiebaDictionary.LoadDefault();
        byte[] bytes = [.. "好词 3\n"u8, 0xE4, 0xB8, (byte)'\n'];
        var error = Assert.Throws<JiebaDictionaryFormatException>(() => dictionary.AddUserDictionary(bytes, "user.txt"));
        Assert.Equal("user.txt", error.Source);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("user.txt:2:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("甲 1 n\n乙\n", 2)]
    [InlineData("甲 1 n\n乙 x n\n", 2)]
    [InlineData("甲 1 n\n\n", 2)]
    [InlineData("甲 -3\n", 1)]
    public void Parse_BadLine_NamesLine(string content, int line)
    {
        var error = Assert.Throws<JiebaDictionaryFormatException>(() => JiebaDictionary.Parse(Encoding.UTF8.GetBytes(content), "dict.txt"));
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Parse_DuplicateWord_LastFrequencyWinsAndBothCount()
    {
        var dictionary = JiebaDictionary.Parse("甲乙 3 n\r\n甲 2\n甲乙 5 n\n"u8, "dict.txt");
        Assert.Equal(5, dictionary.GetFrequency("甲乙"));
        Assert.Equal(2, dictionary.GetFrequency("甲"));
        Assert.Equal(10, dictionary.Total);
        Assert.Equal(2, dictionary.Count);
    }

    [Fact]
    public void Clone_Edited_LeavesOriginalUnchanged()
    {
        var original = JiebaDictionary.LoadDefault();
        original.AddWord("创新办", 3, "i");
        var copy = original.Clone();
        copy.DeleteWord("创新办");
        copy.AddWord("云计算", 7);

        Assert.Equal(3, original.GetFrequency("创新办"));
        Assert.Equal(0, copy.GetFrequency("创新办"));
        Assert.Equal("i", copy.GetTag("创新办"));
        Assert.Null(original.GetFrequency("云计算"));
        Assert.Equal(60101967 + 3, original.Total);
        Assert.Equal(60101967 + 3 + 7, copy.Total);
        Assert.DoesNotContain("创新办", original.ForceSplitWords);
        Assert.False(copy.IsReadOnly);
    }
}
