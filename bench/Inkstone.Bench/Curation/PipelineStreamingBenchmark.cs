using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Curation.Modeling;
using Inkstone.Llm.Configuration;
using Inkstone.Storage;
using Inkstone.Testing;

namespace Inkstone.Bench.Curation;

/// <summary>
/// The model stages of the pipeline (assess with the five-dimension prompt, screen, usability + article analysis) on
/// N items in a SQLite workspace against the loopback stub with a fixed latency, at a given concurrency: wall time
/// against the ideal (model calls × latency ÷ concurrency), peak calls in flight at the stub, and the same run with
/// faults injected (429, 500, unparseable answers, and hangs past the attempt timeout), whose throughput is compared
/// with the fault-free run and with the share of faulted calls.
/// </summary>
public static class PipelineStreamingBenchmark
{
    public const string Description =
        "model stages (assess → screen → analyze) streaming through N slots against a latency stub, fault-free and with 20 % faults [ITEMS] [CONCURRENCY] [LATENCY_MS]";

    private const string AssessMarker = "从五个方面分别给出";
    private const string ScreenMarker = "从“质量”和“创意”两个方面";
    private const string UsabilityMarker = "请判断它是否可用";
    private const string AnalysisMarker = "专业分析";

    public static async Task<int> RunAsync(string[] args)
    {
        var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200);
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, concurrency), Math.Max(io, concurrency));
        Console.WriteLine($"pipeline-streaming: {items} items, concurrency {concurrency}, stub latency {latency.TotalMilliseconds} ms, "
            + $"{Environment.ProcessorCount} cores, AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}, AVX-512 {System.Runtime.Intrinsics.X86.Avx512F.IsSupported}");
        Console.WriteLine("run          calls  faulted  wall_s  ideal_s  of_ideal  items/s  peak_in_flight  quarantined");
        var clean = await RunOnceAsync("fault-free", items, concurrency, latency, faults: false);
        var faulty = await RunOnceAsync("20% faults", items, concurrency, latency, faults: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"with faults: throughput {faulty.ItemsPerSecond / clean.ItemsPerSecond:P1} of fault-free; faulted calls {faulty.FaultShare:P1} of calls (goal: the fall ≤ that share)"));
        return 0;
    }

    private sealed record Result(double ItemsPerSecond, double FaultShare);

    private static async Task<Result> RunOnceAsync(string name, int items, int concurrency, TimeSpan latency, bool faults)
    {
        var root = Directory.CreateTempSubdirectory("inkstone-bench-stream-").FullName;
        try
        {
            var random = new Random(42);
            var faulted = 0;
            var gate = new Lock();
            var hang = TimeSpan.FromSeconds(1.5);
            StubReply Script(StubRequest request)
            {
                if (faults)
                {
                    double roll;
                    lock (gate) roll = random.NextDouble();
                    if (roll < 0.20) Interlocked.Increment(ref faulted);
                    if (roll < 0.05) return StubReply.Hang(hang, "{}");
                    if (roll < 0.10) return StubReply.Error(429, 0);
                    if (roll < 0.15) return StubReply.Error(500);
                    if (roll < 0.20) return StubReply.Answer("not json at all");
                }
                var user = request.LastUserText;
                if (user.Contains(AssessMarker, StringComparison.Ordinal))
                    return StubReply.Answer("""{"content_completeness": 8, "format_standardization": 8, "error_correction": 8, "logical_consistency": 8, "creativity": 8, "reason": "无"}""");
                if (user.Contains(ScreenMarker, StringComparison.Ordinal)) return StubReply.Answer("""{"quality": 8, "creativity": 8}""");
                if (user.Contains(UsabilityMarker, StringComparison.Ordinal)) return StubReply.Answer("""{"usable": true, "reason": "完整"}""");
                if (user.Contains(AnalysisMarker, StringComparison.Ordinal)) return StubReply.Answer("一、结构：总分总。");
                return StubReply.Answer("""{"quality": 8, "creativity": 8}""");
            }

            await using var server = new OpenAIStubServer(Script, latency, recordRequests: false);
            var llm = JsonDocument.Parse(JsonSerializer.Serialize(new
            {
                models = new Dictionary<string, object>
                {
                    ["stub"] = new
                    {
                        backend = "openai", base_url = server.BaseUrl.ToString(), model = "stub-model", max_concurrency = concurrency,
                        retry_attempts = 4, retry_base_delay_s = 0.05, retry_max_delay_s = 0.5, attempt_timeout_s = 1,
                    },
                },
                default_model = "stub",
                cache = false,
            })).RootElement.Clone();
            var config = new WorkspaceConfig { Llm = llm };
            await using (await Workspace.InitAsync(root, config)) { }
            await using var workspace = await Workspace.OpenAsync(root);
            await SeedAsync(workspace.Items, items);
            using var session = CurationModelSession.Open(workspace.Config, Path.Combine(root, WorkspaceConfig.FileName), workspace.Database, new LlmOverrides())
                ?? throw new InvalidOperationException("no model");
            var pipeline = new CurationPipeline(workspace.Items, CurationStages.Create(workspace.Config, workspace.Items, session.Model));
            var options = new PipelineRunOptions { Concurrency = concurrency, Stages = ["assess", "screen", "analyze"] };

            var clock = Stopwatch.StartNew();
            var reports = await pipeline.RunAsync(options);
            var passes = 1;
            var firstPass = clock.Elapsed;
            // Quarantined items are retried by the next run, as a user would re-run: the figure is for all items done.
            while (reports.Sum(r => r.Outcomes.Where(o => o.Key.StartsWith("quarantined", StringComparison.Ordinal)).Sum(o => o.Value)) > 0)
            {
                reports = await pipeline.RunAsync(options);
                passes++;
            }
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {passes} run(s); the first took {firstPass.TotalSeconds:F2} s"));

            var calls = server.RequestCount;
            var ideal = TimeSpan.FromTicks(latency.Ticks * calls / concurrency);
            var states = await workspace.Items.CountByStateAsync();
            var quarantined = states.Where(s => s.State == CurationState.Quarantined).Sum(s => s.Count);
            var done = states.Where(s => s.State is CurationState.Ready or CurationState.Rejected).Sum(s => s.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-11}  {calls,5}  {faulted,7}  {clock.Elapsed.TotalSeconds,6:F2}  {ideal.TotalSeconds,7:F2}  {ideal / clock.Elapsed,8:P1}  {done / clock.Elapsed.TotalSeconds,7:F1}  {server.PeakInFlight,14}  {quarantined,11}"));
            return new Result(done / clock.Elapsed.TotalSeconds, calls == 0 ? 0 : (double)faulted / calls);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task SeedAsync(ICurationStore store, int count)
    {
        static string Text(int i) => string.Concat(Enumerable.Range(0, 12).Select(k => $"第{i}篇第{k}句写了不一样的内容。\n")).TrimEnd();
        await store.InsertItemsAsync([.. Enumerable.Range(0, count).Select(i => new NewCurationItem
        {
            Id = $"i{i:D6}", Text = Text(i), TextHash = $"h{i}", CharCount = Text(i).Length,
            Source = new SourceLocation("bench", $"line {i + 1}"), State = CurationState.Ingested,
        })], Actor.System("bench"));
    }
}
