using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Inkstone.Cli;
using Inkstone.Evaluation.Generation;
using Inkstone.Taxonomy;

namespace Inkstone.Bench.Reports;

/// <summary>
/// <c>inkstone report paper</c> at the paper's size: 1,665 triplets over the 51 genres, 5 models × 557 queries (204 Chinese,
/// 353 English) of generations, and pairwise verdicts of 4 annotators on the 10 model pairs, through the CLI in this
/// process (figures, HTML, SVG/PNG/CSV). Prints the wall time of each run against the 60 s goal, and the hardware.
/// </summary>
public static class ReportPaperBenchmark
{
    public const string Description = "report paper on 1,665 triplets, 5 models × 557 queries of generations and judgments (goal < 60 s) [RUNS]";

    private static readonly string[] s_models = ["M_CW", "M_CW+1k", "M_CW+5k", "M_CW+10k", "M_G"];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var root = Directory.CreateTempSubdirectory("inkstone-bench-report-").FullName;
        try
        {
            var (dataset, queries, generations, judgments) = await WriteInputsAsync(root);
            Console.WriteLine($"report-paper: 1,665 triplets, {s_models.Length} models × 557 queries; {Environment.ProcessorCount} cores, "
                + $"AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}, AVX-512 {System.Runtime.Intrinsics.X86.Avx512F.IsSupported}");
            for (var run = 1; run <= runs; run++)
            {
                var output = Path.Combine(root, $"paper-{run}.html");
                var figures = Path.Combine(root, $"figures-{run}");
                var clock = Stopwatch.StartNew();
                var original = Console.Out;
                Console.SetOut(TextWriter.Null);
                int code;
                try
                {
                    code = await CliApp.InvokeAsync(["report", "paper", judgments, "--dataset", dataset, "--queries", queries, "--generations", generations,
                        "--baseline", "M_G", "-o", output, "--figures", figures]);
                }
                finally
                {
                    Console.SetOut(original);
                }
                clock.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: exit {code}, {clock.Elapsed.TotalSeconds:F1} s (goal < 60 s), HTML {new FileInfo(output).Length / 1024:N0} KiB, {Directory.GetFiles(figures).Length} figure and table files"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(string Dataset, string Queries, string Generations, string Judgments)> WriteInputsAsync(string root)
    {
        var random = new Random(1665);
        var genres = GenreTaxonomy.Default.Genres.Select(g => g.Id).ToArray();
        string Han(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x4E00 + 3000))]);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => new string([.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => (char)random.Next('a', 'z' + 1))])));

        var dataset = Path.Combine(root, "coig-writer.jsonl");
        await using (var writer = new StreamWriter(dataset, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < 1665; i++)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    id = $"cw-{i:D4}", query = Han(random.Next(30, 600)), thought = Han(random.Next(250, 2500)), answer = Han(random.Next(12, 6000)),
                    metadata = new { genre = genres[i % genres.Length], platform = i % 3 == 0 ? "知乎" : "微博", published_at = $"2023-{1 + i % 12:D2}-15" },
                }));
            }
        }

        var queries = Path.Combine(root, "queries.jsonl");
        var ids = new List<(string Id, string Language)>();
        await using (var writer = new StreamWriter(queries, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < 557; i++)
            {
                var zh = i < 204;
                var id = zh ? $"zh-{i:D3}" : $"en-{i:D3}";
                ids.Add((id, zh ? "zh" : "en"));
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { id, language = zh ? "zh" : "en", genre = genres[i % genres.Length], query = zh ? Han(80) : Words(30) }));
            }
        }

        var generations = Path.Combine(root, "generations.jsonl");
        await using (var writer = new StreamWriter(generations, false, new UTF8Encoding(false)))
        {
            foreach (var (id, language) in ids)
            {
                foreach (var model in s_models)
                {
                    var answer = language == "zh" ? Han(random.Next(300, 2000)) : Words(random.Next(300, 900));
                    await GenerationResultsFile.AppendAsync(writer, new GenerationRecord(id, model, 0, answer, null, 100, answer.Length / 2, 1000, "stop", null,
                        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
                }
            }
        }

        var judgments = Path.Combine(root, "judgments.jsonl");
        await using (var writer = new StreamWriter(judgments, false, new UTF8Encoding(false)))
        {
            foreach (var (id, _) in ids)
            {
                for (var a = 0; a < s_models.Length; a++)
                {
                    for (var b = a + 1; b < s_models.Length; b++)
                    {
                        var annotator = $"a{1 + (id.GetHashCode(StringComparison.Ordinal) & 3)}";
                        var roll = random.NextDouble();
                        var verdict = roll < 0.45 + 0.03 * (b - a) ? "b" : roll < 0.9 ? "a" : "tie";
                        await writer.WriteLineAsync(JsonSerializer.Serialize(new { query_id = id, model_a = s_models[a], model_b = s_models[b], annotator, verdict }));
                    }
                }
            }
        }

        return (dataset, queries, generations, judgments);
    }
}
