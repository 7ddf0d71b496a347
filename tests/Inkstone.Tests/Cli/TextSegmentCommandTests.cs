using System.CommandLine;
using System.Text;
using Inkstone.Cli;

namespace Inkstone.Tests.Cli;

// Expected tokens are Python jieba 0.42.1's for the same inputs (checked while writing the command).
public sealed class TextSegmentCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inkstone-segment-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Segment_TextLines_WritesOneJsonArrayPerLine()
    {
        var input = Write("input.txt", "我来到北京清华大学\n\n𠀀中文 \"引号\"\n");
        var (exit, output, errors) = await RunAsync("text", "segment", input);
        Assert.Equal(0, exit);
        Assert.Equal("[\"我\",\"来到\",\"北京\",\"清华大学\"]\n[]\n[\"𠀀\",\"中文\",\" \",\"\\\"\",\"引号\",\"\\\"\"]\n", output);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Segment_JsonlFieldWithBadRecords_ReportsThemAndKeepsLinesAligned()
    {
        var input = Write("input.jsonl", "{\"t\":\"他来到了网易杭研大厦\"}\n{\"x\":1}\nnot json\n{\"t\":\"Python3.11版本\"}\n");
        var (exit, output, errors) = await RunAsync("text", "segment", input, "--field", "t", "--data-format", "text", "--separator", "|");
        Assert.Equal(1, exit);
        Assert.Equal("他|来到|了|网易|杭研|大厦\n\n\nPython3.11|版本\n", output);
        Assert.Contains("input.jsonl:2: field 't' is missing", errors, StringComparison.Ordinal);
        Assert.Contains("input.jsonl:3: invalid JSON", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_StrictWithBadRecord_StopsThereWithExitCode2()
    {
        var input = Write("input.jsonl", "{\"t\":\"中文\"}\n{\"t\":3}\n{\"t\":\"中文\"}\n");
        var (exit, output, errors) = await RunAsync("text", "segment", input, "--field", "t", "--strict");
        Assert.Equal(2, exit);
        Assert.Equal("[\"中文\"]\n", output);
        Assert.Contains("input.jsonl:2: field 't' is Number, not a string", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_InvalidUtf8Line_IsNullWithItsLineNamed_Exit1()
    {
        var input = Path.Combine(_directory.FullName, "input.txt");
        await File.WriteAllBytesAsync(input, [.. "中文\n"u8, 0xC3, 0x28, .. "\n中文\n"u8], TestContext.Current.CancellationToken);
        var (exit, output, errors) = await RunAsync("text", "segment", input);
        Assert.Equal(1, exit);
        Assert.Equal("[\"中文\"]\nnull\n[\"中文\"]\n", output);
        Assert.Contains("input.txt:2: not valid UTF-8 (at byte 1)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_NoLineReadable_IsAnInputError()
    {
        var input = Write("input.txt", "not json\nnor this\n");
        var (exit, _, errors) = await RunAsync("text", "segment", input, "--field", "t");
        Assert.Equal(2, exit);
        Assert.Contains("input.txt: none of its 2 records could be read; the first: line 1: invalid JSON", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_UserDictionaryAndModes_Apply()
    {
        var input = Write("input.txt", "李小福是创新办主任\n");
        var dictionary = Write("user.txt", "创新办 3 i\n");
        var (_, withUser, _) = await RunAsync("text", "segment", input, "--user-dict", dictionary, "--data-format", "text");
        Assert.Equal("李小福 / 是 / 创新办 / 主任\n", withUser);
        var (_, noHmm, _) = await RunAsync("text", "segment", input, "--mode", "precise-no-hmm", "--data-format", "text");
        Assert.Equal("李 / 小 / 福 / 是 / 创新 / 办 / 主任\n", noHmm);
    }

    [Fact]
    public async Task Segment_BadUserDictionary_NamesFileAndLine()
    {
        var input = Write("input.txt", "中文\n");
        var dictionary = Path.Combine(_directory.FullName, "bad.txt");
        await File.WriteAllBytesAsync(dictionary, [.. "好词 3\n"u8, 0xE4, 0xB8, (byte)'\n'], TestContext.Current.CancellationToken);
        var (exit, _, errors) = await RunAsync("text", "segment", input, "--user-dict", dictionary);
        Assert.Equal(2, exit);
        Assert.Contains("bad.txt:2: not valid UTF-8", errors, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var errors = new StringWriter();
        var exit = await CliApp.CreateRootCommand().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = errors }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), errors.ToString());
    }
}
