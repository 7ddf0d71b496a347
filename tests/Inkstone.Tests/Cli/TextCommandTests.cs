using System.Text;
using System.Text.Json;

namespace Inkstone.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class TextCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkstone-textcli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static async Task<int> Run(params string[] args) => (await CliRunner.RunAsync(args)).Exit;

    [Fact]
    public async Task Ttr_English_WritesPerTextMeasures()
    {
        File.WriteAllLines(PathOf("in.txt"), ["The cat saw the cat.", "", "A b c d"]);
        var exit = await Run("text", "ttr", PathOf("in.txt"), "--language", "en", "--window", "3", "--per-text", PathOf("out.jsonl"), "--format", "json");
        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(PathOf("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        // the cat saw the cat: 5 tokens, 3 types; windows [the cat saw] 1, [cat saw the] 1, [saw the cat] 1 → MATTR 1
        Assert.Equal(1, lines[0].GetProperty("line").GetInt32());
        Assert.Equal(3, lines[1].GetProperty("line").GetInt32());
        Assert.Equal(0.6, lines[0].GetProperty("ttr").GetDouble(), 12);
        Assert.Equal(1.0, lines[0].GetProperty("mattr").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("mtld").ValueKind); // a b c d: all distinct
    }

    [Fact]
    public async Task Dedup_WriteUnique_DropsLaterDuplicates()
    {
        var poem = "床前明月光，疑是地上霜。举头望明月，低头思故乡。";
        File.WriteAllLines(PathOf("in.txt"), [poem, "完全不同的一段文字，讲的是别的事情。", "", poem]);
        var exit = await Run("text", "dedup", PathOf("in.txt"), "--write-unique", PathOf("unique.txt"), "--verify", "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal([poem, "完全不同的一段文字，讲的是别的事情。", ""], File.ReadAllLines(PathOf("unique.txt")));
    }

    [Fact]
    public async Task Dedup_ContainmentWithoutAgainst_IsAUsageErrorWithExitCode2()
    {
        File.WriteAllLines(PathOf("in.txt"), ["hello"]);
        var result = await CliRunner.RunAsync("text", "dedup", PathOf("in.txt"), "--containment");
        Assert.Equal(2, result.Exit);
        Assert.Contains("error: --containment needs --against", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dedup_AgainstItself_IsAUsageErrorWithExitCode2()
    {
        File.WriteAllLines(PathOf("in.txt"), ["hello"]);
        Assert.Equal(2, await Run("text", "dedup", PathOf("in.txt"), "--against", PathOf("in.txt")));
    }

    [Fact]
    public async Task Lengths_MissingTokenizer_NamesItWithExitCode2()
    {
        File.WriteAllLines(PathOf("in.txt"), ["hello"]);
        var result = await CliRunner.RunAsync("text", "lengths", PathOf("in.txt"), "--tokenizer", PathOf("nowhere"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("error: " + PathOf("nowhere") + ": no such file or folder", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ttr")]
    [InlineData("lengths")]
    [InlineData("dedup")]
    public async Task RejectedRecords_AreListedWithFileAndLine_AndExit1(string verb)
    {
        var path = PathOf("in.jsonl");
        await File.WriteAllBytesAsync(path, [.. "{\"t\":\"春眠不觉晓\"}\n{\"t\":\"ab"u8, 0xC3, 0x28, .. "\"}\n{\"t\":\"x\",\"t\":\"y\"}\n{\"t\":\"\\ud800\"}\n"u8],
            TestContext.Current.CancellationToken);
        var result = await CliRunner.RunAsync("text", verb, path, "--field", "t", "--format", "json");
        Assert.Equal(1, result.Exit);
        Assert.Contains(path + ":2: not valid UTF-8", result.Errors, StringComparison.Ordinal);
        Assert.Contains(path + ":3: duplicate key", result.Errors, StringComparison.Ordinal);
        Assert.Contains(path + ":4: field 't' holds a lone surrogate", result.Errors, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(3, json.RootElement.GetProperty("skipped_records").GetInt32());
    }

    [Theory]
    [InlineData("ttr")]
    [InlineData("lengths")]
    [InlineData("dedup")]
    public async Task StrictWithARejectedRecord_StopsWithExitCode2(string verb)
    {
        File.WriteAllLines(PathOf("in.jsonl"), ["{\"t\":\"好\"}", "{\"t\":1}"]);
        var result = await CliRunner.RunAsync("text", verb, PathOf("in.jsonl"), "--field", "t", "--strict");
        Assert.Equal(2, result.Exit);
        Assert.Contains("error: " + PathOf("in.jsonl") + ":2: field 't' is Number", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ttr")]
    [InlineData("lengths")]
    [InlineData("dedup")]
    public async Task BinaryFile_IsAnInputErrorNamingIt(string verb)
    {
        await File.WriteAllBytesAsync(PathOf("image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], TestContext.Current.CancellationToken);
        var result = await CliRunner.RunAsync("text", verb, PathOf("image.txt"));
        Assert.Equal(2, result.Exit);
        Assert.Equal("error: " + PathOf("image.txt") + ": not a text file (it holds NUL bytes); expected UTF-8 text or JSON Lines\n", result.Errors);
    }

    [Fact]
    public async Task NoRecordReadable_IsAnInputErrorWithTheFirstProblem()
    {
        File.WriteAllLines(PathOf("in.txt"), ["plain text, not JSON", "more"]);
        var result = await CliRunner.RunAsync("text", "ttr", PathOf("in.txt"), "--field", "answer");
        Assert.Equal(2, result.Exit);
        Assert.Contains("error: " + PathOf("in.txt") + ": none of its 2 records could be read; the first: line 1: invalid JSON", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md", "| measure | n | mean |")]
    [InlineData("csv", "measure,n,mean,median")]
    [InlineData("text", "MATTR")]
    public async Task Ttr_TableFormats_PrintTheDistributionTable(string format, string expected)
    {
        File.WriteAllLines(PathOf("in.txt"), ["The cat saw the cat.", "A b c d"]);
        var result = await CliRunner.RunAsync("text", "ttr", PathOf("in.txt"), "--language", "en", "--format", format);
        Assert.Equal(0, result.Exit);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lengths_Csv_HasOneRowPerMeasure()
    {
        File.WriteAllLines(PathOf("in.txt"), ["春眠不觉晓", "处处闻啼鸟"]);
        var result = await CliRunner.RunAsync("text", "lengths", PathOf("in.txt"), "--format", "csv");
        Assert.Equal(0, result.Exit);
        Assert.Contains("code points,2,5,5,", result.Output, StringComparison.Ordinal);
        Assert.Contains("Han characters,2,5,5,", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dedup_WriteUnique_CopiesKeptLinesByteForByte()
    {
        var poem = "床前明月光，疑是地上霜。举头望明月，低头思故乡。";
        var bytes = Encoding.UTF8.GetBytes($"{poem}\r\nother text entirely, nothing alike\r\n{poem}\r\nlast");
        await File.WriteAllBytesAsync(PathOf("in.txt"), bytes, TestContext.Current.CancellationToken);
        var result = await CliRunner.RunAsync("text", "dedup", PathOf("in.txt"), "--write-unique", PathOf("unique.txt"), "--format", "md");
        Assert.Equal(0, result.Exit);
        Assert.Contains("| input line | duplicate of line |", result.Output, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes($"{poem}\r\nother text entirely, nothing alike\r\nlast"), await File.ReadAllBytesAsync(PathOf("unique.txt"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PerText_InAMissingFolder_IsRejectedBeforeReading()
    {
        File.WriteAllLines(PathOf("in.txt"), ["hello"]);
        var result = await CliRunner.RunAsync("text", "ttr", PathOf("in.txt"), "--per-text", PathOf("nowhere/out.jsonl"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("error: " + PathOf("nowhere/out.jsonl"), result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lengths_PerText_ReportsContamination()
    {
        File.WriteAllLines(PathOf("in.txt"), ["It was a lovely day. 我们今天去公园散步，天气很好。", "Li Bai (李白) and Du Fu (杜甫)."]);
        Assert.Equal(0, await Run("text", "lengths", PathOf("in.txt"), "--per-text", PathOf("out.jsonl"), "--format", "json"));
        var lines = File.ReadAllLines(PathOf("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(lines[0].GetProperty("contains_chinese").GetBoolean());
        Assert.False(lines[1].GetProperty("contains_chinese").GetBoolean());
        Assert.Equal(13, lines[0].GetProperty("han_characters").GetInt32());
    }
}
