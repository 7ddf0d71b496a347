using Inkstone.Evaluation.Generation;

namespace Inkstone.Tests.Evaluation.Generation;

public sealed class ThinkSplitterTests
{
    [Theory]
    [InlineData("<think>plan it</think>\n\n正文", "正文", "plan it")]
    [InlineData("no reasoning here", "no reasoning here", null)]
    [InlineData("opened in the prompt</think>answer", "answer", "opened in the prompt")]
    [InlineData("<think>a</think>x<think>b</think>y", "xy", "a\n\nb")]
    [InlineData("<think>ran out of tokens", "", "ran out of tokens")]
    public void Split_SeparatesReasoningFromAnswer(string text, string answer, string? reasoning) =>
        Assert.Equal((answer, reasoning), ThinkSplitter.Split(text));
}
