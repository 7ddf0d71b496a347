using System.Text;
using System.Text.Json;
using Inkstone.Model;
using Inkstone.Tests.Cli;

namespace Inkstone.Tests.Training;

[Collection(ConsoleCollection.Name)]
public sealed class TrainCommandTests
{
    private static void WriteProcess(TrainingTestData data, IEnumerable<Triplet> triplets)
    {
        var lines = triplets.Select(t => JsonSerializer.Serialize(new { id = t.Id, query = t.Query, thought = t.Thought, answer = t.Answer, metadata = new { genre = t.GenreId } }));
        File.WriteAllText(data.PathOf("process.jsonl"), string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(false));
    }

    [Fact]
    public async Task Export_BadGeneralLine_ReportsItExportsTheValidOnesAndExits1()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(30, "宋词", "相声"));
        data.WriteGeneralPool("pool.jsonl", 40, [(3, "{broken")]);
        var plan = $$"""{"process": "process.jsonl", "general": ["pool.jsonl"], "configurations": [{"name": "cw_40", "process": "all", "general": 40}]}""";
        await File.WriteAllTextAsync(data.PathOf("plan.json"), plan, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("train", "export", "--plan", data.PathOf("plan.json"), "-o", data.PathOf("out"), "--gpus", "2", "--per-device-batch", "2", "--format", "json");

        Assert.Equal(1, result.Exit);
        using var manifest = JsonDocument.Parse(File.ReadAllText(data.PathOf("out/manifest.json")));
        Assert.Equal(1, manifest.RootElement.GetProperty("general").GetProperty("rejected_lines").GetInt32());
        Assert.Equal(70, manifest.RootElement.GetProperty("configurations")[0].GetProperty("total").GetInt32());
        Assert.Equal(8, manifest.RootElement.GetProperty("training").GetProperty("gradient_accumulation_steps").GetInt32());
        // Chinese genre names were resolved to taxonomy ids, so the split is per real genre.
        var rows = LlamaFactoryDatasetChecker.Load(data.PathOf("out"));
        Assert.Equal(70, rows["inkstone_cw_40_train"].Count + rows["inkstone_cw_40_val"].Count);
    }

    [Fact]
    public async Task Export_StrictWithBadGeneralLine_StopsWithExit2AndWritesNothing()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        data.WriteGeneralPool("pool.jsonl", 20, [(5, "[]")]);

        var result = await CliRunner.RunAsync("train", "export", "--process", data.PathOf("process.jsonl"), "--general", data.PathOf("pool.jsonl"),
            "--mix", "cw_5=all:5", "-o", data.PathOf("out"), "--strict");

        Assert.Equal(2, result.Exit);
        Assert.False(Directory.Exists(data.PathOf("out")));
    }

    [Fact]
    public async Task Plan_MissingProcessDataset_IsAnInputErrorNamingThePath()
    {
        using var data = new TrainingTestData();
        var result = await CliRunner.RunAsync("train", "plan", "--process", data.PathOf("nope.jsonl"), "--mix", "cw=all:0");
        result.AssertOneError(2, "nope.jsonl");
    }

    [Fact]
    public async Task Plan_FolderAsGeneralData_IsAnInputErrorNamingThePath()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        var result = await CliRunner.RunAsync("train", "plan", "--process", data.PathOf("process.jsonl"), "--general", data.Directory);
        result.AssertOneError(2, "is a folder");
    }

    [Fact]
    public async Task Plan_BadMixFlag_IsAnInputError()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        var result = await CliRunner.RunAsync("train", "plan", "--process", data.PathOf("process.jsonl"), "--mix", "cw:all");
        result.AssertOneError(2, "--mix 'cw:all'");
    }

    [Theory]
    [InlineData("--config", "cw=all:0")]
    [InlineData("--model", "Qwen/Qwen3-8B")]
    public async Task Plan_OldOptionNames_AreUnknown(string option, string value)
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        var result = await CliRunner.RunAsync("train", "plan", "--process", data.PathOf("process.jsonl"), option, value);
        Assert.Equal(2, result.Exit);
    }

    [Fact]
    public async Task Plan_UnknownTemplate_IsRejectedNamingTheKnownTemplates()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        var result = await CliRunner.RunAsync("train", "plan", "--process", data.PathOf("process.jsonl"), "--mix", "cw=all:0",
            "--template", "no_such_template");
        result.AssertOneError(2, "--template 'no_such_template'");
        Assert.Contains("qwen3", result.Errors, StringComparison.Ordinal);
        Assert.Contains("llama3", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownTemplateAllowed_IsWrittenIntoTheYaml()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        var result = await CliRunner.RunAsync("train", "export", "--process", data.PathOf("process.jsonl"), "--mix", "cw=all:0",
            "--template", "my_template", "--allow-unknown-template", "--base-model", "my/model", "-o", data.PathOf("out"));
        Assert.Equal(0, result.Exit);
        var yaml = await File.ReadAllTextAsync(data.PathOf("out/cw.yaml"), TestContext.Current.CancellationToken);
        Assert.Contains("template: my_template", yaml, StringComparison.Ordinal);
        Assert.Contains("my/model", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_KnownTemplate_IsAccepted()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        var result = await CliRunner.RunAsync("train", "plan", "--process", data.PathOf("process.jsonl"), "--mix", "cw=all:0", "--template", "llama3");
        Assert.Equal(0, result.Exit);
    }

    [Fact]
    public async Task Export_SameGeneralFileTwice_IsReadOnceWithANote()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        data.WriteGeneralPool("pool.jsonl", 20);
        var pool = data.PathOf("pool.jsonl");
        var relative = Path.Combine(data.Directory, ".", "pool.jsonl");

        var result = await CliRunner.RunAsync("train", "export", "--process", data.PathOf("process.jsonl"), "--general", pool, relative,
            "--mix", "g=0:20", "-o", data.PathOf("out"), "--format", "json");

        Assert.Equal(0, result.Exit);
        Assert.Contains("read once", result.Errors, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(result.Output);
        Assert.Equal(20, report.RootElement.GetProperty("general").GetProperty("valid").GetInt32());
        var rows = LlamaFactoryDatasetChecker.Load(data.PathOf("out"));
        var exported = rows["inkstone_g_train"].Concat(rows.TryGetValue("inkstone_g_val", out var val) ? val : []).ToList();
        Assert.Equal(20, exported.Count);
    }

    [Theory]
    [InlineData("""{"instruction": "\ud800", "output": "x"}""", "lone surrogate")]
    [InlineData("""{"instruction": "a", "instruction": "b", "output": "x"}""", "duplicate key 'instruction'")]
    public async Task Plan_GeneralLineAgainstThePolicy_IsRejectedWithItsLineNotACrash(string line, string message)
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        data.WriteGeneralPool("pool.jsonl", 5, [(2, line)]);

        var result = await CliRunner.RunAsync("train", "plan", "--process", data.PathOf("process.jsonl"), "--general", data.PathOf("pool.jsonl"),
            "--mix", "g=0:5");

        Assert.Equal(1, result.Exit);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
        Assert.Contains("pool.jsonl:3", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_InvalidUtf8InGeneralData_IsRejectedNotTrainedOn()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        data.WriteGeneralPool("pool.jsonl", 5);
        var bytes = File.ReadAllBytes(data.PathOf("pool.jsonl")).ToList();
        bytes.AddRange("{\"instruction\": \"a"u8.ToArray());
        bytes.Add(0xFF);
        bytes.AddRange("\", \"output\": \"x\"}\n"u8.ToArray());
        File.WriteAllBytes(data.PathOf("pool.jsonl"), [.. bytes]);

        var result = await CliRunner.RunAsync("train", "plan", "--process", data.PathOf("process.jsonl"), "--general", data.PathOf("pool.jsonl"),
            "--mix", "g=0:5", "--format", "json");

        Assert.Equal(1, result.Exit);
        using var report = JsonDocument.Parse(result.Output);
        Assert.Equal(5, report.RootElement.GetProperty("general").GetProperty("valid").GetInt32());
        var issue = Assert.Single(report.RootElement.GetProperty("general").GetProperty("issues").EnumerateArray());
        Assert.Equal(6, issue.GetProperty("line").GetInt32());
        Assert.Contains("invalid UTF-8", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
