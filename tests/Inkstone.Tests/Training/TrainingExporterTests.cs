using System.Text.Json;
using Inkstone.Model;
using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class TrainingExporterTests
{
    private static readonly MixConfiguration[] Configurations = [new("cw", null, 0), new("cw_20", null, 20), new("cw_60", null, 60), new("g", 0, 60)];

    private static async Task<(MixReport Report, List<Triplet> Triplets)> BuildAsync(TrainingTestData data, long seed = 42, ThoughtRendering thought = ThoughtRendering.ThinkBlock, int gpus = 8)
    {
        var pool = data.WriteGeneralPool("pool.jsonl", 90);
        var triplets = TrainingTestData.Triplets(48, "ci_poetry", "slogan", "crosstalk_sketch");
        var plan = data.Plan(Configurations, seed, pool) with { Thought = thought, Training = new TrainingHyperparameters { Gpus = gpus } };
        var report = await MixReportBuilder.BuildAsync(plan, triplets, new CharacterEstimateTokenCounter(), strict: false, TestContext.Current.CancellationToken);
        return (report, triplets);
    }

    /// <summary>What line i of the generated pool says, written out from the generator's definition (not from the parser).</summary>
    private static (string? System, List<(string Role, string Content)> Turns) ExpectedGeneral(int i) => (i % 3) switch
    {
        0 => (null, [("user", $"指令 {i}" + (i % 2 == 0 ? "" : $"\n输入 {i}")), ("assistant", $"回答 {i} " + new string('答', i % 40))]),
        1 => (null, [("user", $"问 {i}"), ("assistant", $"答 {i}"), ("user", $"再问 {i}"), ("assistant", $"再答 {i}")]),
        _ => ("You are helpful.", [("user", $"Question {i}?"), ("assistant", $"Answer {i}.")]),
    };

    [Theory]
    [InlineData(ExportDataFormat.ShareGpt)]
    [InlineData(ExportDataFormat.Alpaca)]
    [InlineData(ExportDataFormat.OpenAiMessages)]
    public async Task ExportAsync_Files_ConformToLlamaFactorySchemaAndRoundTripEverySample(ExportDataFormat format)
    {
        using var data = new TrainingTestData();
        var (report, triplets) = await BuildAsync(data);
        var output = data.PathOf("export");
        await TrainingExporter.ExportAsync(report, output, format, TestContext.Current.CancellationToken);

        var datasets = LlamaFactoryDatasetChecker.Load(output);
        var byId = triplets.ToDictionary(t => "cw:" + t.Id);
        foreach (var configuration in report.Configurations)
        {
            foreach (var (split, expectedIds) in new[] { ("train", configuration.Train.Select(s => s.Id)), ("val", configuration.Validation.Select(s => s.Id)) })
            {
                var name = $"inkstone_{configuration.Name}_{split}";
                var rows = datasets[name];
                var ids = format == ExportDataFormat.OpenAiMessages
                    ? File.ReadAllLines(Path.Combine(output, $"data/{configuration.Name}_{split}.ids.txt")).ToList()
                    : rows.Select(r => r.Id!).ToList();
                Assert.Equal(expectedIds.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
                Assert.Equal(rows.Count, ids.Count);
                for (var i = 0; i < rows.Count; i++)
                {
                    var row = rows[i];
                    if (ids[i].StartsWith("cw:", StringComparison.Ordinal))
                    {
                        var triplet = byId[ids[i]];
                        Assert.Null(row.System);
                        Assert.Equal(2, row.Turns.Count);
                        Assert.Equal(("user", triplet.Query), row.Turns[0]);
                        Assert.True(SftRenderer.TrySplitThinkBlock(row.Turns[1].Content, out var thought, out var answer));
                        Assert.Equal(triplet.Thought, thought);
                        Assert.Equal(triplet.Answer, answer);
                    }
                    else
                    {
                        var line = int.Parse(ids[i].Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
                        var (system, turns) = ExpectedGeneral(line);
                        Assert.Equal(system, row.System);
                        Assert.Equal(turns, row.Turns);
                    }
                }
            }
        }

        // Every registered dataset belongs to a configuration and nothing else is registered.
        Assert.Equal(report.Configurations.SelectMany(c => new[] { $"inkstone_{c.Name}_train", $"inkstone_{c.Name}_val" }).Order(), datasets.Keys.Order());
    }

    [Fact]
    public async Task ExportAsync_Yaml_DescribesFullSftWithEffectiveBatch32()
    {
        using var data = new TrainingTestData();
        var (report, _) = await BuildAsync(data, gpus: 4);
        var output = data.PathOf("export");
        await TrainingExporter.ExportAsync(report, output, ExportDataFormat.ShareGpt, TestContext.Current.CancellationToken);
        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "dataset_info.json")));

        foreach (var configuration in report.Configurations)
        {
            var yaml = LlamaFactoryDatasetChecker.ReadYaml(Path.Combine(output, configuration.Name + ".yaml"));
            Assert.Equal("sft", yaml["stage"]);
            Assert.Equal("true", yaml["do_train"]);
            Assert.Equal("full", yaml["finetuning_type"]);
            Assert.Equal(".", yaml["dataset_dir"]);
            Assert.True(info.RootElement.TryGetProperty(yaml["dataset"], out _));
            Assert.True(info.RootElement.TryGetProperty(yaml["eval_dataset"], out _));
            Assert.Equal("2.0e-05", yaml["learning_rate"]);
            Assert.Equal("3.0", yaml["num_train_epochs"]);
            Assert.Equal("adamw_torch", yaml["optim"]);
            Assert.Equal("true", yaml["bf16"]);
            Assert.Equal("true", yaml["enable_thinking"]);
            Assert.Equal(report.CutoffLength.ToString(System.Globalization.CultureInfo.InvariantCulture), yaml["cutoff_len"]);
            // 32 = per-device batch × accumulation × 4 GPUs.
            Assert.Equal(32, int.Parse(yaml["per_device_train_batch_size"], System.Globalization.CultureInfo.InvariantCulture) * int.Parse(yaml["gradient_accumulation_steps"], System.Globalization.CultureInfo.InvariantCulture) * 4);
            Assert.Equal("saves/" + configuration.Name, yaml["output_dir"]);
            using var deepspeed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, yaml["deepspeed"])));
            Assert.Equal(3, deepspeed.RootElement.GetProperty("zero_optimization").GetProperty("stage").GetInt32());
            Assert.Equal("auto", deepspeed.RootElement.GetProperty("train_micro_batch_size_per_gpu").GetString());
        }
    }

    [Fact]
    public async Task ExportAsync_SameSeedTwice_WritesByteIdenticalFiles()
    {
        using var data = new TrainingTestData();
        var (first, _) = await BuildAsync(data);
        await TrainingExporter.ExportAsync(first, data.PathOf("a"), ExportDataFormat.ShareGpt, TestContext.Current.CancellationToken);
        var (second, _) = await BuildAsync(data);
        await TrainingExporter.ExportAsync(second, data.PathOf("b"), ExportDataFormat.ShareGpt, TestContext.Current.CancellationToken);

        var filesA = RelativeFiles(data.PathOf("a"));
        Assert.Equal(filesA, RelativeFiles(data.PathOf("b")));
        Assert.Contains("data/cw_60_train.jsonl", filesA);
        foreach (var file in filesA)
            Assert.True(File.ReadAllBytes(Path.Combine(data.PathOf("a"), file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(data.PathOf("b"), file))), $"{file} differs");
    }

    [Fact]
    public async Task ExportAsync_DifferentSeed_ChangesTheDraw()
    {
        using var data = new TrainingTestData();
        var (first, _) = await BuildAsync(data, seed: 1);
        await TrainingExporter.ExportAsync(first, data.PathOf("a"), ExportDataFormat.ShareGpt, TestContext.Current.CancellationToken);
        var (second, _) = await BuildAsync(data, seed: 2);
        await TrainingExporter.ExportAsync(second, data.PathOf("b"), ExportDataFormat.ShareGpt, TestContext.Current.CancellationToken);

        Assert.NotEqual(File.ReadAllText(data.PathOf("a/general_order.tsv")), File.ReadAllText(data.PathOf("b/general_order.tsv")));
        Assert.NotEqual(File.ReadAllText(data.PathOf("a/data/cw_20_train.jsonl")), File.ReadAllText(data.PathOf("b/data/cw_20_train.jsonl")));
    }

    [Fact]
    public async Task ExportAsync_GeneralOrder_ShowsNestedPrefixes()
    {
        using var data = new TrainingTestData();
        var (report, _) = await BuildAsync(data);
        await TrainingExporter.ExportAsync(report, data.PathOf("x"), ExportDataFormat.ShareGpt, TestContext.Current.CancellationToken);
        var order = File.ReadAllLines(data.PathOf("x/general_order.tsv")).Skip(1).Select(l => "general:" + l.Split('\t')[1] + ":" + l.Split('\t')[2]).ToList();
        Assert.Equal(60, order.Count);
        foreach (var c in report.Configurations)
        {
            var general = c.Train.Concat(c.Validation).Where(s => s.Origin == SampleOrigin.General).Select(s => s.Id).ToHashSet();
            Assert.True(general.SetEquals(order.Take(c.Mix.GeneralCount)), c.Name);
        }
    }

    [Fact]
    public async Task ExportAsync_Manifest_RecordsCountsAndHashes()
    {
        using var data = new TrainingTestData();
        var (report, _) = await BuildAsync(data);
        var result = await TrainingExporter.ExportAsync(report, data.PathOf("m"), ExportDataFormat.ShareGpt, TestContext.Current.CancellationToken);
        using var manifest = JsonDocument.Parse(File.ReadAllText(data.PathOf("m/manifest.json")));
        var configurations = manifest.RootElement.GetProperty("configurations").EnumerateArray().ToList();
        Assert.Equal([48, 68, 108, 60], configurations.Select(c => c.GetProperty("total").GetInt32()));
        var trainFile = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "data/cw_60_train.jsonl");
        var expectedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(data.PathOf("m/data/cw_60_train.jsonl"))));
        Assert.Equal(expectedHash, trainFile.GetProperty("sha256").GetString());
        Assert.Equal(File.ReadAllLines(data.PathOf("m/data/cw_60_train.jsonl")).Length, trainFile.GetProperty("records").GetInt32());
        Assert.Contains(result.Files, f => f.Path == "manifest.json");
    }

    [Fact]
    public async Task ExportAsync_DropMode_DisablesThinkingAndWritesAnswersOnly()
    {
        using var data = new TrainingTestData();
        var (report, triplets) = await BuildAsync(data, thought: ThoughtRendering.Drop);
        await TrainingExporter.ExportAsync(report, data.PathOf("d"), ExportDataFormat.ShareGpt, TestContext.Current.CancellationToken);
        Assert.Equal("false", LlamaFactoryDatasetChecker.ReadYaml(data.PathOf("d/cw.yaml"))["enable_thinking"]);
        var answers = triplets.Select(t => t.Answer).ToHashSet();
        var rows = LlamaFactoryDatasetChecker.Load(data.PathOf("d"))["inkstone_cw_train"];
        Assert.All(rows, r => Assert.Contains(r.Turns[1].Content, answers));
    }

    private static List<string> RelativeFiles(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
}
