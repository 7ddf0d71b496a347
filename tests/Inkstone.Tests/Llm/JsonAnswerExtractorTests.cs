using Inkstone.Llm.Structured;

namespace Inkstone.Tests.Llm;

public sealed class JsonAnswerExtractorTests
{
    [Fact]
    public void Extract_PlainObject_ReturnsIt() =>
        Assert.Equal("{\"quality\": 8}", JsonAnswerExtractor.Extract("  {\"quality\": 8}\n"));

    [Fact]
    public void Extract_FencedBlockAmongProse_ReturnsBlockBody() =>
        Assert.Equal("{\"quality\": 8, \"creativity\": 7}",
            JsonAnswerExtractor.Extract("评分如下：\n```json\n{\"quality\": 8, \"creativity\": 7}\n```\n以上。"));

    [Fact]
    public void Extract_TrailingObjectAfterReasoning_ReturnsLastObject() =>
        Assert.Equal("{\"quality\": 9}", JsonAnswerExtractor.Extract("先看 {\"draft\": 1} 再想想……最终：{\"quality\": 9}"));

    [Fact]
    public void Extract_BracesInsideStrings_AreNotCounted() =>
        Assert.Equal("{\"reason\": \"用了 } 和 { 符号\", \"winner\": \"A\"}",
            JsonAnswerExtractor.Extract("答：{\"reason\": \"用了 } 和 { 符号\", \"winner\": \"A\"}"));

    [Theory]
    [InlineData("")]
    [InlineData("没有 JSON")]
    [InlineData("{\"quality\": 8, \"creativ")]
    public void Extract_NoCompleteObject_ReturnsNull(string answer) => Assert.Null(JsonAnswerExtractor.Extract(answer));
}
