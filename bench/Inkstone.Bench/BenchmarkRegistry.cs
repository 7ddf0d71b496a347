namespace Inkstone.Bench;

/// <summary>Names every benchmark; <c>dotnet run --project bench/Inkstone.Bench -c Release -- NAME [args]</c> runs one.</summary>
public static class BenchmarkRegistry
{
    private static readonly Dictionary<string, (string Description, Func<string[], Task<int>> Run)> s_benchmarks = new(StringComparer.Ordinal)
    {
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
