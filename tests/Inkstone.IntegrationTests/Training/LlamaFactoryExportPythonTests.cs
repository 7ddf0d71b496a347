using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Model;
using Inkstone.Training;

namespace Inkstone.IntegrationTests.Training;

/// <summary>
/// Reads an export with Python the way LLaMA-Factory does: PyYAML for the training YAMLs (where "2e-5" would be a
/// string) and json for dataset_info.json and the JSONL files, checked against the documented sharegpt rules.
/// </summary>
public sealed class LlamaFactoryExportPythonTests
{
    private const string Checker = """
        import json, os, sys, yaml
        root = sys.argv[1]
        info = json.load(open(os.path.join(root, "dataset_info.json"), encoding="utf-8"))
        counts = {}
        for name, attr in info.items():
            assert attr.get("formatting", "alpaca") == "sharegpt", name
            cols = attr.get("columns", {}); tags = attr.get("tags", {})
            role, content = tags.get("role_tag", "from"), tags.get("content_tag", "value")
            user, assistant = tags.get("user_tag", "human"), tags.get("assistant_tag", "gpt")
            n = 0
            with open(os.path.join(root, attr["file_name"]), encoding="utf-8") as f:
                for line in f:
                    row = json.loads(line)
                    msgs = row[cols.get("messages", "conversations")]
                    assert len(msgs) >= 2 and len(msgs) % 2 == 0, (name, n)
                    for i, m in enumerate(msgs):
                        assert m[role] == (user if i % 2 == 0 else assistant), (name, n, i)
                        assert isinstance(m[content], str) and m[content], (name, n, i)
                    if "system" in cols:
                        assert isinstance(row[cols["system"]], str), (name, n)
                    n += 1
            counts[name] = n
        yamls = {}
        for file in sorted(os.listdir(root)):
            if not file.endswith(".yaml"):
                continue
            y = yaml.safe_load(open(os.path.join(root, file), encoding="utf-8"))
            assert isinstance(y["learning_rate"], float) and y["learning_rate"] == 2e-5, file
            assert isinstance(y["num_train_epochs"], float) and y["num_train_epochs"] == 3.0, file
            assert y["bf16"] is True and y["do_train"] is True and y["stage"] == "sft" and y["finetuning_type"] == "full", file
            assert isinstance(y["cutoff_len"], int), file
            assert y["dataset"] in info and y.get("eval_dataset", y["dataset"]) in info, file
            ds = json.load(open(os.path.join(root, y["deepspeed"]), encoding="utf-8"))
            assert ds["zero_optimization"]["stage"] == 3, file
            yamls[file] = y["per_device_train_batch_size"] * y["gradient_accumulation_steps"]
        print(json.dumps({"counts": counts, "batch_per_gpu_step": yamls}))
        """;

    private static bool PythonWithYaml()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", "-c \"import yaml\"") { RedirectStandardError = true, RedirectStandardOutput = true });
            process!.WaitForExit(30_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [Fact]
    public async Task Export_ReadByPython_MatchesLlamaFactoryRulesAndYamlTypes()
    {
        RequiredService.Ensure(PythonWithYaml(), "python3 with PyYAML (Debian python3-yaml)");
        var directory = Path.Combine(Path.GetTempPath(), "inkstone-lf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var pool = new StringBuilder();
            for (var i = 0; i < 40; i++)
                pool.Append(JsonSerializer.Serialize(new { instruction = $"问题 {i}", output = $"回答 {i}" })).Append('\n');
            await File.WriteAllTextAsync(Path.Combine(directory, "pool.jsonl"), pool.ToString(), TestContext.Current.CancellationToken);
            var triplets = Enumerable.Range(0, 24).Select(i => new Triplet
            {
                Id = $"t{i}", Query = $"写作 {i}", Thought = $"思路 {i}", Answer = $"正文 {i}", GenreId = i % 2 == 0 ? "ci_poetry" : "slogan",
            }).ToList();
            var plan = new MixPlan
            {
                ProcessPath = "process.jsonl",
                GeneralPaths = ["pool.jsonl"],
                Configurations = [new("cw", null, 0), new("cw_30", null, 30), new("g", 0, 30)],
                BaseDirectory = directory,
                Training = new TrainingHyperparameters { Gpus = 2, PerDeviceBatch = 2 },
            };
            var report = await MixReportBuilder.BuildAsync(plan, triplets, new CharacterEstimateTokenCounter(), strict: false, TestContext.Current.CancellationToken);
            var output = Path.Combine(directory, "out");
            await TrainingExporter.ExportAsync(report, output, ExportDataFormat.ShareGpt, TestContext.Current.CancellationToken);

            var script = Path.Combine(directory, "check.py");
            await File.WriteAllTextAsync(script, Checker, TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(output);
            using var python = Process.Start(start)!;
            var stdout = await python.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = await python.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await python.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(python.ExitCode == 0, stderr);

            using var result = JsonDocument.Parse(stdout);
            foreach (var c in report.Configurations)
            {
                Assert.Equal(c.Train.Count, result.RootElement.GetProperty("counts").GetProperty($"inkstone_{c.Name}_train").GetInt32());
                // Per-device batch × accumulation = 32 ÷ 2 GPUs.
                Assert.Equal(16, result.RootElement.GetProperty("batch_per_gpu_step").GetProperty($"{c.Name}.yaml").GetInt32());
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
