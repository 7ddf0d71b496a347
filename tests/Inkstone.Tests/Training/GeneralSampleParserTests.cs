using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class GeneralSampleParserTests
{
    [Fact]
    public void Parse_AlpacaWithInputAndHistory_JoinsInstructionAndInputAndKeepsHistory()
    {
        var record = GeneralSampleParser.Parse(
            """{"instruction":"翻译","input":"hello","output":"你好","system":"S","history":[["q1","a1"]]}""", "a.jsonl", 3);
        var sample = Assert.IsType<GeneralSample>(record.Sample);
        Assert.Equal(GeneralDataFormat.Alpaca, sample.Format);
        Assert.Equal("S", sample.System);
        Assert.Equal(
            [new ChatTurn(ChatRole.User, "q1"), new ChatTurn(ChatRole.Assistant, "a1"), new ChatTurn(ChatRole.User, "翻译\nhello"), new ChatTurn(ChatRole.Assistant, "你好")],
            sample.Turns);
        Assert.Equal("general:a.jsonl:3", sample.Id);
    }

    [Fact]
    public void Parse_AlpacaEmptyInput_UsesInstructionAlone()
    {
        var sample = GeneralSampleParser.Parse("""{"instruction":"写诗","input":"","output":"床前明月光"}""", "a", 1).Sample!;
        Assert.Equal("写诗", sample.Turns[0].Content);
        Assert.Null(sample.System);
    }

    [Fact]
    public void Parse_ShareGptWithLeadingSystemMessage_TakesItAsSystem()
    {
        var sample = GeneralSampleParser.Parse(
            """{"conversations":[{"from":"system","value":"sys"},{"from":"human","value":"hi"},{"from":"gpt","value":"hello"}]}""", "s", 1).Sample!;
        Assert.Equal(GeneralDataFormat.ShareGpt, sample.Format);
        Assert.Equal("sys", sample.System);
        Assert.Equal([new ChatTurn(ChatRole.User, "hi"), new ChatTurn(ChatRole.Assistant, "hello")], sample.Turns);
    }

    [Fact]
    public void Parse_OpenAiTextParts_ConcatenatesThem()
    {
        var sample = GeneralSampleParser.Parse(
            """{"messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},{"role":"assistant","content":"c"}]}""", "o", 1).Sample!;
        Assert.Equal(GeneralDataFormat.OpenAiMessages, sample.Format);
        Assert.Equal("ab", sample.Turns[0].Content);
    }

    [Theory]
    [InlineData("{bad", "(line)")]
    [InlineData("[1,2]", "(line)")]
    [InlineData("""{"text":"pretraining"}""", "(record)")]
    [InlineData("""{"instruction":"x"}""", "output")]
    [InlineData("""{"instruction":"x","output":3}""", "output")]
    [InlineData("""{"instruction":"x","output":"   "}""", "output")]
    [InlineData("""{"instruction":"x","output":"y","history":[["only one"]]}""", "history[0]")]
    [InlineData("""{"conversations":[{"from":"gpt","value":"a"},{"from":"human","value":"b"}]}""", "conversations[0]")]
    [InlineData("""{"conversations":[{"from":"human","value":"a"},{"from":"observation","value":"b"}]}""", "conversations[1].from")]
    [InlineData("""{"conversations":[{"from":"human","value":"a"}]}""", "conversations[0]")]
    [InlineData("""{"conversations":[{"from":"human","value":"a"},{"from":"gpt"}]}""", "conversations[1].value")]
    [InlineData("""{"messages":[{"role":"system","content":"s"},{"role":"user","content":"a"},{"role":"user","content":"b"}]}""", "messages[2]")]
    [InlineData("""{"messages":[{"role":"user","content":"a"},{"role":"tool","content":"b"}]}""", "messages[1].role")]
    [InlineData("""{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":[{"type":"image_url"}]}]}""", "messages[1].content")]
    [InlineData("""{"messages":"hi"}""", "messages")]
    public void Parse_InvalidLine_ReportsFieldAndLine(string line, string field)
    {
        var record = GeneralSampleParser.Parse(line, "pool.jsonl", 17);
        Assert.Null(record.Sample);
        var issue = Assert.IsType<GeneralDataIssue>(record.Issue);
        Assert.Equal(field, issue.Field);
        Assert.Equal(17, issue.Line);
        Assert.StartsWith("pool.jsonl:17: " + field + ": ", issue.ToString(), StringComparison.Ordinal);
    }
}
