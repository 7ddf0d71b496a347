namespace Inkstone.Bench;

/// <summary>Names every benchmark; <c>dotnet run --project bench/Inkstone.Bench -c Release -- NAME [args]</c> runs one.</summary>
public static class BenchmarkRegistry
{
    private static readonly Dictionary<string, (string Description, Func<string[], Task<int>> Run)> s_benchmarks = new(StringComparer.Ordinal)
    {
        ["training-export"] = ("Plan + export of the paper's five SFT mixes at full size [POOL]; Python json peer", Training.TrainingExportBenchmark.RunAsync),
        ["segment"] = (Segmentation.SegmentationBenchmark.Description, Segmentation.SegmentationBenchmark.RunAsync),
        ["dataset-read"] = ("read + stats of the same records as JSONL, JSON, Parquet vs Python json.loads", Datasets.DatasetReadBenchmark.RunAsync),
        ["text-metrics"] = ("Lengths, MATTR/MTLD and MinHash/LSH throughput vs plain Python and numpy peers", TextMetricsBenchmark.RunAsync),
        ["eval-stats"] = ("evaluation statistics on 5 models × 600 queries × 4 annotators with 1,000 bootstrap resamples (target < 2 s) [QUERIES] [RESAMPLES]", EvalStatsBenchmark.RunAsync),
        ["llm-throughput"] = ("LLM client pipeline vs a 200 ms loopback stub at 64 and 256 concurrent calls: throughput vs ideal, client CPU per call", Llm.LlmThroughputBenchmark.RunAsync),
        ["launcher"] = (Cli.LauncherBenchmark.Description, Cli.LauncherBenchmark.RunAsync),
        ["pipeline-streaming"] = (Curation.PipelineStreamingBenchmark.Description, Curation.PipelineStreamingBenchmark.RunAsync),
        ["report-paper"] = (Reports.ReportPaperBenchmark.Description, Reports.ReportPaperBenchmark.RunAsync),
        ["web-annotators"] = (Web.AnnotatorLoadBenchmark.Description, Web.AnnotatorLoadBenchmark.RunAsync),
        ["curation"] = ("model-free curation stages (ingest, normalize, dedup, rule-based assessment) on generated documents", Curation.CurationThroughputBenchmark.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !s_benchmarks.TryGetValue(args[0], out var bench))
        {
            Console.Error.WriteLine("usage: Inkstone.Bench NAME [options]\n\nbenchmarks:");
            foreach (var (name, (description, _)) in s_benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
                Console.Error.WriteLine($"  {name,-16} {description}");
            return args.Length == 0 ? 0 : 2;
        }
        return await bench.Run(args[1..]).ConfigureAwait(false);
    }
}
