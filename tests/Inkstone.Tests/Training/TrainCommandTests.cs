using System.Text;
using System.Text.Json;
using Inkstone.Cli;
using Inkstone.Model;

namespace Inkstone.Tests.Training;

public sealed class TrainCommandTests
{
    private static void WriteProcess(TrainingTestData data, IEnumerable<Triplet> triplets)
    {
        var lines = triplets.Select(t => JsonSerializer.Serialize(new { id = t.Id, query = t.Query, thought = t.Thought, answer = t.Answer, metadata = new { genre = t.GenreId } }));
        File.WriteAllText(data.PathOf("process.jsonl"), string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(false));
    }

    private static Task<int> RunAsync(params string[] args) => CliApp.CreateRootCommand().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Export_BadGeneralLine_ReportsItAndExportsTheValidOnes()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(30, "宋词", "相声"));
        data.WriteGeneralPool("pool.jsonl", 40, [(3, "{broken")]);
        var plan = $$"""{"process": "process.jsonl", "general": ["pool.jsonl"], "configurations": [{"name": "cw_40", "process": "all", "general": 40}]}""";
        await File.WriteAllTextAsync(data.PathOf("plan.json"), plan, TestContext.Current.CancellationToken);

        var exit = await RunAsync("train", "export", "--plan", data.PathOf("plan.json"), "--out", data.PathOf("out"), "--gpus", "2", "--per-device-batch", "2", "--format", "json");

        Assert.Equal(0, exit);
        using var manifest = JsonDocument.Parse(File.ReadAllText(data.PathOf("out/manifest.json")));
        Assert.Equal(1, manifest.RootElement.GetProperty("general").GetProperty("rejected_lines").GetInt32());
        Assert.Equal(70, manifest.RootElement.GetProperty("configurations")[0].GetProperty("total").GetInt32());
        Assert.Equal(8, manifest.RootElement.GetProperty("training").GetProperty("gradient_accumulation_steps").GetInt32());
        // Chinese genre names were resolved to taxonomy ids, so the split is per real genre.
        var rows = LlamaFactoryDatasetChecker.Load(data.PathOf("out"));
        Assert.Equal(70, rows["inkstone_cw_40_train"].Count + rows["inkstone_cw_40_val"].Count);
    }

    [Fact]
    public async Task Export_StrictWithBadGeneralLine_StopsAndWritesNothing()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        data.WriteGeneralPool("pool.jsonl", 20, [(5, "[]")]);

        var exit = await RunAsync("train", "export", "--process", data.PathOf("process.jsonl"), "--general", data.PathOf("pool.jsonl"),
            "--config", "cw_5=all:5", "--out", data.PathOf("out"), "--strict");

        Assert.Equal(1, exit);
        Assert.False(Directory.Exists(data.PathOf("out")));
    }

    [Fact]
    public async Task Plan_MissingProcessDataset_FailsWithExitCode1()
    {
        using var data = new TrainingTestData();
        Assert.Equal(1, await RunAsync("train", "plan", "--process", data.PathOf("nope.jsonl"), "--config", "cw=all:0"));
    }

    [Fact]
    public async Task Plan_BadConfigFlag_FailsWithExitCode1()
    {
        using var data = new TrainingTestData();
        WriteProcess(data, TrainingTestData.Triplets(10, "宋词"));
        Assert.Equal(1, await RunAsync("train", "plan", "--process", data.PathOf("process.jsonl"), "--config", "cw:all"));
    }
}
