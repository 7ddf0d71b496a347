using Inkstone.Model;
using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class SftRendererTests
{
    private static readonly Triplet Sample = new() { Id = "7", Query = "写一首秋词", Thought = "先写景\n后抒情", Answer = "秋风起兮", GenreId = "ci_poetry" };

    [Fact]
    public void Render_ThinkBlock_WritesQwen3StyleBlock()
    {
        var sample = SftRenderer.Render(Sample, ThoughtRendering.ThinkBlock);
        Assert.Equal("cw:7", sample.Id);
        Assert.Equal(SampleOrigin.Process, sample.Origin);
        Assert.Equal([new ChatTurn(ChatRole.User, "写一首秋词"), new ChatTurn(ChatRole.Assistant, "<think>\n先写景\n后抒情\n</think>\n\n秋风起兮")], sample.Turns);
        Assert.Null(sample.System);
    }

    [Theory]
    [InlineData(ThoughtRendering.Drop, "秋风起兮")]
    [InlineData(ThoughtRendering.PlainPrefix, "先写景\n后抒情\n\n秋风起兮")]
    public void Render_OtherModes_PlaceTheThoughtAsStated(ThoughtRendering mode, string expected)
    {
        Assert.Equal(expected, SftRenderer.Render(Sample, mode, "系统").Turns[1].Content);
        Assert.Equal("系统", SftRenderer.Render(Sample, mode, "系统").System);
    }

    [Theory]
    [InlineData("先写景\n后抒情", "秋风起兮")]
    [InlineData("", "answer")]
    [InlineData("ends with newline\n", "\nanswer starting with newline")]
    [InlineData("x", "")]
    public void TrySplitThinkBlock_RenderedText_GivesBackThoughtAndAnswer(string thought, string answer)
    {
        var text = SftRenderer.RenderAssistant(thought, answer, ThoughtRendering.ThinkBlock);
        Assert.True(SftRenderer.TrySplitThinkBlock(text, out var gotThought, out var gotAnswer));
        Assert.Equal(thought, gotThought);
        Assert.Equal(answer, gotAnswer);
    }

    [Theory]
    [InlineData("no block at all")]
    [InlineData("<think>\nunclosed")]
    [InlineData("<think>no newline</think>answer")]
    public void TrySplitThinkBlock_NoWellFormedBlock_ReturnsFalse(string text)
    {
        Assert.False(SftRenderer.TrySplitThinkBlock(text, out _, out var answer));
        Assert.Equal(text, answer);
    }

    [Fact]
    public void Check_EmptyThought_IsAProblemUnlessDropped()
    {
        var empty = Sample with { Thought = " " };
        Assert.Equal("thought", SftRenderer.Check(empty, ThoughtRendering.ThinkBlock)?.Field);
        Assert.Equal("thought", SftRenderer.Check(empty, ThoughtRendering.PlainPrefix)?.Field);
        Assert.Null(SftRenderer.Check(empty, ThoughtRendering.Drop));
    }

    [Fact]
    public void Check_ThinkTagInAnswer_IsAProblemOnlyForThinkBlocks()
    {
        var tagged = Sample with { Answer = "a <think> b" };
        Assert.Equal("answer", SftRenderer.Check(tagged, ThoughtRendering.ThinkBlock)?.Field);
        Assert.Null(SftRenderer.Check(tagged, ThoughtRendering.Drop));
    }
}
