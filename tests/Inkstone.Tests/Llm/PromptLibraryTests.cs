using Inkstone.Llm.Prompts;

namespace Inkstone.Tests.Llm;

public sealed class PromptLibraryTests
{
    [Fact]
    public void BuiltIn_EveryPromptIdPresentWithVersion() =>
        Assert.All(PromptIds.All, id => Assert.True(PromptLibrary.BuiltIn.Get(id).Version >= 1, id));

    [Fact]
    public void Render_ScoreThought_FillsEveryPlaceholder()
    {
        var template = PromptLibrary.BuiltIn.Get(PromptIds.ScoreThought);
        Assert.Equal(["query", "article", "thought"], template.Variables);
        var messages = template.Render(new Dictionary<string, string> { ["query"] = "写一首秋诗", ["article"] = "秋风", ["thought"] = "先定意象" });
        Assert.Equal(2, messages.Count);
        Assert.Contains("先定意象", messages[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AssessArticle_FillsArticleAndStatesBandsForFiveDimensions()
    {
        var template = PromptLibrary.BuiltIn.Get(PromptIds.AssessArticle);
        Assert.Equal("assess.article@v1", template.Key);
        Assert.Equal(["article"], template.Variables);
        var user = template.Render(new Dictionary<string, string> { ["article"] = "床前明月光" })[1].Text;
        Assert.Contains("文章：\n床前明月光\n", user, StringComparison.Ordinal);
        foreach (var dimension in new[] { "【内容完整】", "【格式规范】", "【语言准确】", "【逻辑连贯】", "【创意】" }) Assert.Contains(dimension, user, StringComparison.Ordinal);
        Assert.Equal(5, user.Split("- 1–2：").Length - 1);
        foreach (var field in new[] { "content_completeness", "format_standardization", "error_correction", "logical_consistency", "creativity" }) Assert.Contains($"\"{field}\"", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingVariable_ThrowsNamingPromptAndPlaceholder()
    {
        var e = Assert.Throws<ArgumentException>(() => PromptLibrary.BuiltIn.Get(PromptIds.JudgePairwise).Render(new Dictionary<string, string> { ["query"] = "q", ["answer_a"] = "a" }));
        Assert.Contains("judge.pairwise@v1", e.Message, StringComparison.Ordinal);
        Assert.Contains("{{answer_b}}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValueContainingPlaceholder_IsNotExpandedAgain()
    {
        var t = new PromptTemplate { Id = "t", Version = 1, User = "{{a}}|{{b}}" };
        Assert.Equal("{{b}}|x", t.Render(new Dictionary<string, string> { ["a"] = "{{b}}", ["b"] = "x" })[0].Text);
    }

    [Fact]
    public void Load_UserDirectory_OverridesById()
    {
        var dir = Directory.CreateTempSubdirectory("inkstone-prompts-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "mine.prompt"), "id: score.article\nversion: 7\n=== user\n只看 {{article}}\n");
            var library = PromptLibrary.Load(dir.FullName);
            Assert.Equal(7, library.Get(PromptIds.ScoreArticle).Version);
            Assert.Equal(1, library.Get(PromptIds.ScoreQuery).Version);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_BadHeader_ErrorNamesFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("inkstone-prompts-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "bad.prompt"), "id: x\nversion: one\n=== user\nhi\n");
            var e = Assert.Throws<PromptFormatException>(() => PromptLibrary.Load(dir.FullName));
            Assert.Contains("bad.prompt: line 2", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
