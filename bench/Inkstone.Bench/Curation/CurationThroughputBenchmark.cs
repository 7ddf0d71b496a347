using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Curation.Assessment;
using Inkstone.Curation.Dedup;
using Inkstone.Curation.Ingest;
using Inkstone.Curation.Stages;
using Inkstone.Storage;

namespace Inkstone.Bench.Curation;

/// <summary>
/// Throughput of the model-free curation stages (ingest: read JSONL, normalize, exact + near dedup, date gate, store;
/// then rule-based assessment) on generated documents, single-threaded, into a fresh SQLite workspace.
/// With <c>--postgres CONNECTION</c> the workspace is that PostgreSQL database (it must be empty: the run creates the
/// schema). Usage: <c>curation [--documents N] [--chars N] [--batch-size N] [--postgres CONNECTION] [--keep]</c>. Prints documents/s per phase and the managed heap
/// and peak working set at each quarter, to show whether memory stays flat in corpus size.
/// </summary>
public static class CurationThroughputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var documents = Arg(args, "--documents", 100_000);
        var chars = Arg(args, "--chars", 2_000);
        var batchSize = Arg(args, "--batch-size", new IngestOptions().BatchSize);
        var directory = Directory.CreateTempSubdirectory("inkstone-bench-curation-").FullName;
        try
        {
            var source = Path.Combine(directory, "corpus.jsonl");
            var generate = Stopwatch.StartNew();
            await WriteCorpusAsync(source, documents, chars);
            Console.WriteLine($"generated {documents:N0} documents of {chars:N0} characters ({new FileInfo(source).Length / 1e6:F0} MB) in {generate.Elapsed.TotalSeconds:F1} s");

            var postgres = StringArg(args, "--postgres");
            await using IWorkspaceStore database = postgres is null
                ? await SqliteWorkspaceStore.OpenAsync(Path.Combine(directory, "workspace.db"), CurationSchema.Migrations)
                : await PostgresWorkspaceStore.OpenAsync(postgres, CurationSchema.Migrations);
            Console.WriteLine($"workspace: {database.Description}");
            var store = new SqlCurationStore(database);
            var ingest = new IngestService(store, new MinHashNearDuplicateIndex());
            var quarter = Math.Max(1, documents / 4);
            var nextReport = quarter;
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var report = await ingest.IngestAsync([source], new IngestOptions { Concurrency = 1, BatchSize = batchSize }, null, new SyncProgress<IngestProgress>(p =>
            {
                if (p.RecordsRead < nextReport) return;
                nextReport += quarter;
                Console.WriteLine($"  ingest {p.RecordsRead,9:N0} docs  {p.RecordsRead / clock.Elapsed.TotalSeconds,8:N0} docs/s  managed heap {GC.GetTotalMemory(false) / 1e6,6:F0} MB  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,6:F0} MB  {MemoryBreakdown()}");
            }));
            var ingestSeconds = clock.Elapsed.TotalSeconds;
            var ingestCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"ingest: {report.RecordsRead:N0} records in {ingestSeconds:F1} s = {report.RecordsRead / ingestSeconds:N0} documents/s wall, {report.RecordsRead / ingestCpu:N0} documents per CPU second ({string.Join(", ", report.Stored.Select(p => $"{p.Key} {p.Value:N0}"))}; errors {report.ErrorCount:N0})");
            Console.WriteLine($"  {GcSummary()}");

            var pipeline = new CurationPipeline(store, [new AssessStage(new RuleBasedAssessor(new RuleAssessmentOptions()), null, new RuleAssessmentOptions())]);
            clock.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            nextReport = quarter;
            var runs = await pipeline.RunAsync(new PipelineRunOptions { Concurrency = 1 }, new SyncProgress<StageProgress>(p =>
            {
                if (p.Processed < nextReport) return;
                nextReport += quarter;
                Console.WriteLine($"  assess {p.Processed,9:N0} docs  {p.Processed / clock.Elapsed.TotalSeconds,8:N0} docs/s  managed heap {GC.GetTotalMemory(false) / 1e6,6:F0} MB  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,6:F0} MB");
            }));
            var assessSeconds = clock.Elapsed.TotalSeconds;
            var assessCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var assessed = runs[0].Processed;
            Console.WriteLine($"rule-based assessment: {assessed:N0} items in {assessSeconds:F1} s = {assessed / assessSeconds:N0} documents/s wall, {assessed / assessCpu:N0} documents per CPU second");
            Console.WriteLine($"  {GcSummary()}");
            Console.WriteLine($"model-free stages together: {documents / (ingestSeconds + assessSeconds):N0} documents/s wall, {documents / (ingestCpu + assessCpu):N0} documents per CPU second (target ≥ 2,000 on one core)");
            Console.WriteLine("CPU time counts every thread of the process (including the garbage collector's), so on a busy machine it is the fairer single-core figure.");
            if (postgres is null) Console.WriteLine($"database: {new FileInfo(Path.Combine(directory, "workspace.db")).Length / 1e6:F0} MB");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!args.Contains("--keep")) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Distinct documents: random Han characters in sentences and paragraphs, a date after the gate, engagement counts.</summary>
    private static async Task WriteCorpusAsync(string path, int documents, int chars)
    {
        var random = new Random(20221001);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var text = new StringBuilder(chars + 64);
        for (var i = 0; i < documents; i++)
        {
            text.Clear();
            while (text.Length < chars)
            {
                for (var k = random.Next(8, 30); k > 0; k--) text.Append((char)random.Next(0x4E00, 0x4E00 + 3500));
                text.Append(random.Next(6) == 0 ? "。\n\n" : "，");
            }

            text.Length = chars - 1;
            text.Append('。');
            await writer.WriteLineAsync(JsonSerializer.Serialize(new
            {
                id = $"doc{i:D7}", text = text.ToString(), url = $"https://example.org/p/{i}", platform = (i % 3) switch { 0 => "weibo", 1 => "zhihu", _ => "douban" },
                author = $"author{i % 997}", published_at = $"2023-{1 + (i % 12):D2}-{1 + (i % 28):D2}", likes = i % 1000, shares = i % 100, comments = i % 50,
            }));
        }
    }

    /// <summary>Where resident memory is: the garbage collector's committed bytes, and (Linux) anonymous and file-backed resident pages.</summary>
    private static string MemoryBreakdown()
    {
        var text = $"GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1e6:F0} MB";
        if (!File.Exists("/proc/self/status")) return text;
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal) || line.StartsWith("RssFile:", StringComparison.Ordinal) || line.StartsWith("RssShmem:", StringComparison.Ordinal))
                text += $", {string.Join(' ', line.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries))}";
        return text;
    }

    /// <summary>Collections so far and the time the process spent paused for them (cumulative).</summary>
    private static string GcSummary() =>
        $"garbage collections so far: gen0 {GC.CollectionCount(0):N0}, gen1 {GC.CollectionCount(1):N0}, gen2 {GC.CollectionCount(2):N0}; paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s; allocated {GC.GetTotalAllocatedBytes() / 1e9:F1} GB";

    private static string? StringArg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
