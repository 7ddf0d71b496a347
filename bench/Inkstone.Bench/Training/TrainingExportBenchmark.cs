using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Inkstone.Model;
using Inkstone.Training;

namespace Inkstone.Bench.Training;

/// <summary>
/// Builds and exports the paper's five mixes from synthetic data of the paper's size (1,665 triplets with the average
/// prompt/reasoning/article lengths of §2.4, a general pool of 12,000 samples), and compares with a plain Python
/// script doing the same draw, rendering and JSONL writing (no validation, no statistics) in the same run.
/// </summary>
public static class TrainingExportBenchmark
{
    private const string PythonPeer = """
        import json, os, random, sys
        root, out = sys.argv[1], sys.argv[2]
        cw = [json.loads(l) for l in open(os.path.join(root, "process.jsonl"), encoding="utf-8")]
        pool = [json.loads(l) for l in open(os.path.join(root, "general.jsonl"), encoding="utf-8")]
        order = random.Random(42).sample(range(len(pool)), 10000)
        os.makedirs(out, exist_ok=True)
        def conv(u, a): return {"conversations": [{"from": "human", "value": u}, {"from": "gpt", "value": a}]}
        rendered = [conv(t["query"], "<think>\n" + t["thought"] + "\n</think>\n\n" + t["answer"]) for t in cw]
        for name, p, g in [("cw", 1, 0), ("cw_1k", 1, 1000), ("cw_5k", 1, 5000), ("cw_10k", 1, 10000), ("g", 0, 10000)]:
            rows = (rendered if p else []) + [conv(pool[i]["instruction"], pool[i]["output"]) for i in order[:g]]
            with open(os.path.join(out, name + ".jsonl"), "w", encoding="utf-8") as f:
                for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var poolSize = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 12_000;
        var directory = Path.Combine(Path.GetTempPath(), "inkstone-bench-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var triplets = WriteInputs(directory, poolSize);
            var plan = new MixPlan { ProcessPath = "process.jsonl", GeneralPaths = ["general.jsonl"], BaseDirectory = directory };
            var times = new List<double>();
            long bytes = 0;
            for (var run = 0; run < 3; run++)
            {
                var watch = Stopwatch.StartNew();
                var report = await MixReportBuilder.BuildAsync(plan, triplets, new CharacterEstimateTokenCounter(), strict: false).ConfigureAwait(false);
                var export = await TrainingExporter.ExportAsync(report, Path.Combine(directory, "out"), ExportDataFormat.ShareGpt).ConfigureAwait(false);
                times.Add(watch.Elapsed.TotalSeconds);
                bytes = export.Files.Sum(f => f.Bytes);
            }

            var best = times.Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"inkstone: plan + export of 5 configurations (1,665 triplets, pool {poolSize:N0}): best {best:F2} s of 3, {bytes / 1e6:F0} MB written ({bytes / 1e6 / best:F0} MB/s); includes validation, token statistics, hashes"));

            var peer = await RunPythonAsync(directory).ConfigureAwait(false);
            if (peer is { } seconds)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"python json peer (draw + render + write only): {seconds:F2} s; ratio peer/inkstone = {seconds / best:F2}"));
            else
                Console.WriteLine("python3 not available: peer not measured");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<Triplet> WriteInputs(string directory, int poolSize)
    {
        var random = new DeterministicRandom(1);
        string Text(int mean) => string.Create(Math.Max(8, mean / 2 + random.NextInt(mean)), 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = (char)(0x4E00 + random.NextInt(3000));
        });
        string[] genres = ["ci_poetry", "slogan", "crosstalk_sketch", "xuanhuan_novel", "mystery_story"];
        var triplets = Enumerable.Range(0, 1665).Select(i => new Triplet
        {
            Id = i.ToString("D4", CultureInfo.InvariantCulture), Query = Text(283), Thought = Text(1089), Answer = Text(2214), GenreId = genres[i % genres.Length],
        }).ToList();
        var process = new StringBuilder();
        foreach (var t in triplets)
            process.Append(JsonSerializer.Serialize(new { id = t.Id, query = t.Query, thought = t.Thought, answer = t.Answer })).Append('\n');
        File.WriteAllText(Path.Combine(directory, "process.jsonl"), process.ToString());
        var general = new StringBuilder();
        for (var i = 0; i < poolSize; i++)
            general.Append(JsonSerializer.Serialize(new { instruction = Text(80), input = "", output = Text(600) })).Append('\n');
        File.WriteAllText(Path.Combine(directory, "general.jsonl"), general.ToString());
        return triplets;
    }

    private static async Task<double?> RunPythonAsync(string directory)
    {
        var script = Path.Combine(directory, "peer.py");
        await File.WriteAllTextAsync(script, PythonPeer).ConfigureAwait(false);
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(Path.Combine(directory, "peer-out"));
        try
        {
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync().ConfigureAwait(false);
            return process.ExitCode == 0 ? watch.Elapsed.TotalSeconds : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
