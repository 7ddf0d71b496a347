using System.Diagnostics;
using System.Globalization;
using System.Text;
using Inkstone.Llm.Backends;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Middleware;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Usage;
using Inkstone.Testing;

namespace Inkstone.Bench.Llm;

/// <summary>
/// Typed scoring calls through the whole client pipeline (usage, concurrency limit, rate limiter, retry handler, OpenAI
/// client, JSON extraction and validation) against the loopback stub with a fixed latency. Throughput is compared with
/// the ideal, concurrency ÷ latency. The stub runs in this process, so client CPU per call is the process CPU per call
/// minus that of a bare HttpClient driving the same stub at the same concurrency; the bare client's own ratio to the
/// ideal shows how much of a shortfall belongs to the machine and the stub rather than to the pipeline.
/// </summary>
public static class LlmThroughputBenchmark
{
    private static readonly PromptTemplate Template = new() { Id = "bench.score", Version = 1, User = "#item:{{item}} 请为这篇文章评分" };

    public static async Task<int> RunAsync(string[] args)
    {
        var latency = TimeSpan.FromMilliseconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200);
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        // The stub and the client share this process; on a small machine the thread pool's slow growth would otherwise
        // be measured as client latency.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        Console.WriteLine($"llm-throughput: stub latency {latency.TotalMilliseconds} ms, {rounds} rounds per concurrency level, cache off");
        Console.WriteLine("concurrency  calls  wall_s  calls/s  ideal/s  ratio   bare_http_ratio  cpu_ms/call(total)  cpu_ms/call(stub)  cpu_ms/call(client)");
        foreach (var concurrency in new[] { 64, 256 })
        {
            var calls = concurrency * rounds;
            await using var server = new OpenAIStubServer(_ => StubReply.Answer("{\"quality\": 8, \"creativity\": 7}"), latency, recordRequests: false);
            await WarmUpAsync(server, concurrency);
            var (baselineWall, baselineCpu) = await MeasureAsync(() => BareHttpAsync(server, calls, concurrency));
            var model = new ModelConfiguration
            {
                Name = "bench", Model = "stub-model", BaseUrl = server.BaseUrl, MaxConcurrency = concurrency,
                RetryAttempts = 0, AttemptTimeout = TimeSpan.FromSeconds(30),
            };
            var ledger = new UsageLedger();
            using var factory = new LlmClientFactory(null, ledger);
            var runner = new PromptRunner(factory, ledger);
            await RunnerAsync(runner, model, concurrency, concurrency); // warm-up of the pipeline
            var failures = 0;
            var (wall, cpu) = await MeasureAsync(async () => failures = await RunnerAsync(runner, model, calls, concurrency));
            var throughput = calls / wall.TotalSeconds;
            var ideal = concurrency / latency.TotalSeconds;
            var total = cpu.TotalMilliseconds / calls;
            var stub = baselineCpu.TotalMilliseconds / calls;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{concurrency,11}  {calls,5}  {wall.TotalSeconds,6:F2}  {throughput,7:F1}  {ideal,7:F1}  {throughput / ideal,5:P1}  {calls / baselineWall.TotalSeconds / ideal,15:P1}  {total,18:F3}  {stub,17:F3}  {Math.Max(0, total - stub),19:F3}"));
            if (failures > 0) Console.WriteLine($"  {failures} calls failed");
        }
        return 0;
    }

    private static async Task<int> RunnerAsync(PromptRunner runner, ModelConfiguration model, int calls, int concurrency)
    {
        var failures = 0;
        var tasks = new Task[calls];
        for (var i = 0; i < calls; i++)
        {
            var vars = new Dictionary<string, string> { ["item"] = i.ToString(CultureInfo.InvariantCulture) };
            tasks[i] = Task.Run(async () =>
            {
                var outcome = await runner.RunAsync<ScoreResult>(Template, vars, model);
                if (!outcome.IsSuccess) Interlocked.Increment(ref failures);
            });
        }
        await Task.WhenAll(tasks);
        return failures;
    }

    private static async Task BareHttpAsync(OpenAIStubServer server, int calls, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue });
        var url = new Uri(server.BaseUrl, "chat/completions");
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var content = new StringContent($"{{\"model\":\"stub-model\",\"messages\":[{{\"role\":\"user\",\"content\":\"#item:{i}\"}}]}}", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content);
                await response.Content.ReadAsStringAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static Task WarmUpAsync(OpenAIStubServer server, int concurrency) => BareHttpAsync(server, concurrency, concurrency);

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(Func<Task> action)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await action();
        clock.Stop();
        process.Refresh();
        return (clock.Elapsed, process.TotalProcessorTime - cpu0);
    }
}
