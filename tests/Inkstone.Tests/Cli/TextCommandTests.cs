using System.Text.Json;
using Inkstone.Cli;

namespace Inkstone.Tests.Cli;

public sealed class TextCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkstone-textcli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static Task<int> Run(params string[] args) => CliApp.CreateRootCommand().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

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
    public async Task Dedup_ContainmentWithoutAgainst_FailsWithExitCode1()
    {
        File.WriteAllLines(PathOf("in.txt"), ["hello"]);
        Assert.Equal(1, await Run("text", "dedup", PathOf("in.txt"), "--containment"));
    }

    [Fact]
    public async Task Lengths_MissingTokenizer_FailsWithExitCode1()
    {
        File.WriteAllLines(PathOf("in.txt"), ["hello"]);
        Assert.Equal(1, await Run("text", "lengths", PathOf("in.txt"), "--tokenizer", PathOf("nowhere")));
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
