using System.Text;
using Inkstone.Input;

namespace Inkstone.Tests.Input;

public sealed class JsonRecordParserTests
{
    private static JsonInputProblem Rejected(byte[] record)
    {
        var result = JsonRecordParser.Parse(record);
        Assert.Null(result.Document);
        return Assert.IsType<JsonInputProblem>(result.Problem);
    }

    private static JsonInputProblem Rejected(string record) => Rejected(Encoding.UTF8.GetBytes(record));

    [Fact]
    public void Parse_ValidRecord_GivesTheDocument()
    {
        var result = JsonRecordParser.Parse("""{"a": "\ud83d\ude00 \\ud800", "b": [1, {"c": "x"}]}""");
        Assert.Null(result.Problem);
        using var document = result.Document!;
        // An escaped pair is one character; an escaped backslash before "ud800" is no escape.
        Assert.Equal("😀 \\ud800", document.RootElement.GetProperty("a").GetString());
    }

    [Theory]
    [InlineData("""{"a": "x\ud800y"}""", "a", "\\ud800")]
    [InlineData("""{"meta": {"genre": "\uDC00"}}""", "meta.genre", "\\uDC00")]
    [InlineData("""{"list": ["ok", "\ud83d"]}""", "list[1]", "\\ud83d")]
    [InlineData("""{"a": "\ud800\u0041"}""", "a", "\\ud800")]
    [InlineData("""{"\ud800": 1}""", null, "\\ud800")]
    public void Parse_LoneSurrogateEscape_IsRejectedNamingTheField(string record, string? field, string escape)
    {
        var problem = Rejected(record);
        Assert.Equal(JsonInputProblemKind.LoneSurrogate, problem.Kind);
        Assert.Equal(field, problem.Field);
        Assert.Contains(escape, problem.Message, StringComparison.Ordinal);
        Assert.Equal(record.IndexOf(escape, StringComparison.Ordinal), problem.ByteOffset);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRejectedNamingTheFieldAndByte()
    {
        var record = Encoding.UTF8.GetBytes("""{"id": "1", "text": "ab?"}""");
        var offset = Array.IndexOf(record, (byte)'?');
        record[offset] = 0xFF;

        var problem = Rejected(record);

        Assert.Equal(JsonInputProblemKind.InvalidUtf8, problem.Kind);
        Assert.Equal("text", problem.Field);
        Assert.Equal(offset, problem.ByteOffset);
        Assert.Contains("0xFF", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedMultibyteCharacter_IsInvalidUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"text": "宋"}""");
        var truncated = bytes.Take(bytes.Length - 4).Concat("\"}"u8.ToArray()).ToArray();
        Assert.Equal(JsonInputProblemKind.InvalidUtf8, Rejected(truncated).Kind);
    }

    [Theory]
    [InlineData("""{"a": 1, "a": 2}""", "a", "a")]
    [InlineData("""{"m": {"g": 1, "x": 0, "g": 2}}""", "g", "m.g")]
    [InlineData("""[{"k": 1}, {"k": 1, "k": 2}]""", "k", "[1].k")]
    public void Parse_DuplicateKey_IsRejectedNamingTheKey(string record, string key, string field)
    {
        var problem = Rejected(record);
        Assert.Equal(JsonInputProblemKind.DuplicateKey, problem.Kind);
        Assert.Contains($"'{key}'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void Parse_SameKeyInTwoObjects_IsAccepted()
    {
        using var document = JsonRecordParser.Parse("""{"a": {"k": 1}, "b": {"k": 2}}""").Document;
        Assert.NotNull(document);
    }

    [Theory]
    [InlineData("""{"a": """)]
    [InlineData("""{"a": 1} x""")]
    [InlineData("not json")]
    public void Parse_Malformed_IsRejectedAsMalformed(string record)
    {
        var problem = Rejected(record);
        Assert.Equal(JsonInputProblemKind.MalformedJson, problem.Kind);
        Assert.StartsWith("malformed JSON: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooDeep_IsMalformedNotACrash()
    {
        var deep = new string('[', 200) + new string(']', 200);
        Assert.Equal(JsonInputProblemKind.MalformedJson, Rejected(deep).Kind);
    }

    [Theory]
    [InlineData("\\", -1)]
    [InlineData("\\u12", -1)]
    [InlineData("\\\\ud800", -1)]
    [InlineData("x\\ud800", 1)]
    [InlineData("\\udbff\\udfff", -1)]
    [InlineData("\\udbff\\udbff", 0)]
    [InlineData("\\ud800\\", 0)]
    public void FindLoneSurrogateEscape_ScansEscapesInPairs(string text, int expected) =>
        Assert.Equal(expected, JsonRecordParser.FindLoneSurrogateEscape(Encoding.ASCII.GetBytes(text)));
}
