using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inkstone.Curation;
using Inkstone.Storage;
using Inkstone.Team;
using Inkstone.Testing;
using Inkstone.Testing.Web;

namespace Inkstone.Bench.Web;

/// <summary>
/// Simulated annotators on the web app over a PostgreSQL workspace (a private cluster on this machine), for a bounded
/// time: each signs in, takes the next item (<c>/work</c>), opens it, autosaves its editors every few seconds and submits.
/// Reports p50/p95/p99 latency of pages and of saves (goal: p95 &lt; 200 ms) and checks that no save was lost or doubled
/// (each person's revisions on an item run 1, 2, 3… without gap or repeat, and a submitted item holds the last saved
/// text), that no item was handed to two people, and that every submitted item is annotated exactly once.
/// </summary>
public static partial class AnnotatorLoadBenchmark
{
    public const string Description =
        "web app under load: N annotators on PostgreSQL open items, autosave every few seconds and submit; p95 page and save latency, no lost or doubled save [PEOPLE=100] [SECONDS=60] [AUTOSAVE_S=3]";

    [GeneratedRegex("name=\"Input\\.(Version|Revision)\" value=\"(\\d+)\"")]
    private static partial Regex HiddenNumber();

    private sealed record Save(string Person, string Item, long Revision, string Query);

    public static async Task<int> RunAsync(string[] args)
    {
        var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var duration = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60);
        var autosaveEvery = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 3);
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, people), Math.Max(io, people));
        Console.WriteLine($"web-annotators: {people} annotators for {duration.TotalSeconds:F0} s, autosave every {autosaveEvery.TotalSeconds:F0} s, PostgreSQL 15 private cluster, "
            + $"{Environment.ProcessorCount} cores, AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}, AVX-512 {System.Runtime.Intrinsics.X86.Avx512F.IsSupported}; server and clients in this process");

        await using var postgres = await PrivatePostgres.StartAsync(maxConnections: 300);
        var connectionString = postgres.ConnectionString(await postgres.CreateDatabaseAsync(), maxPoolSize: 100);
        var root = Directory.CreateTempSubdirectory("inkstone-bench-web-").FullName;
        try
        {
            var directory = Path.Combine(root, "ws");
            var config = new WorkspaceConfig { Store = new WorkspaceConfig.StoreConfig { Provider = "postgres", ConnectionString = connectionString } };
            await using (var workspace = await Workspace.InitAsync(directory, config)) await SeedAsync(workspace.Items, people * 40);
            await using var host = await WebAppHost.StartAsync(directory, options: o => new Inkstone.Web.WebAppOptions
            {
                WorkspaceDirectory = o.WorkspaceDirectory, Urls = o.Urls, SignInRequestsPerMinute = 1_000_000, SignInFailuresPerAddress = 1_000_000,
            });
            var ids = Enumerable.Range(0, people).Select(i => $"ann{i:D3}").ToList();
            foreach (var id in ids) await host.AddPersonAsync(id, WebAppHost.PasswordFor(id), TeamRole.Annotator);

            var pages = new ConcurrentBag<double>();
            var saves = new ConcurrentBag<double>();
            var saved = new ConcurrentQueue<Save>();
            var submitted = new ConcurrentQueue<(string Person, string Item, string Query)>();
            var problems = new ConcurrentQueue<string>();
            var clock = Stopwatch.StartNew();
            var deadline = clock.Elapsed + duration;
            await Task.WhenAll(ids.Select((id, k) => Task.Run(() => AnnotateAsync(host, id, k, deadline, clock, autosaveEvery, pages, saves, saved, submitted, problems))));
            var elapsed = clock.Elapsed;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pages: {pages.Count,6} requests  p50 {Percentile(pages, 50),6:F1} ms  p95 {Percentile(pages, 95),6:F1} ms  p99 {Percentile(pages, 99),6:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"saves: {saves.Count,6} requests  p50 {Percentile(saves, 50),6:F1} ms  p95 {Percentile(saves, 95),6:F1} ms  p99 {Percentile(saves, 99),6:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"submitted items: {submitted.Count} in {elapsed.TotalSeconds:F1} s ({submitted.Count / elapsed.TotalSeconds:F1}/s)"));
            await VerifyAsync(host.Workspace, saved, submitted, problems);
            Console.WriteLine(problems.IsEmpty ? "checks: no save lost or doubled, no item handed to two people, every submitted item annotated exactly once"
                : $"checks FAILED ({problems.Count}):\n  " + string.Join("\n  ", problems.Take(20)));
            var goal = Percentile(pages, 95) < 200 && Percentile(saves, 95) < 200;
            Console.WriteLine($"goal p95 < 200 ms for pages and saves: {(goal ? "met" : "NOT met")}");
            return problems.IsEmpty ? 0 : 1;
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { }
        }
    }

    private static async Task AnnotateAsync(WebAppHost host, string id, int k, TimeSpan deadline, Stopwatch clock, TimeSpan autosaveEvery,
        ConcurrentBag<double> pages, ConcurrentBag<double> saves, ConcurrentQueue<Save> saved, ConcurrentQueue<(string, string, string)> submitted, ConcurrentQueue<string> problems)
    {
        var random = new Random(k);
        using var client = new TeamClient(host.BaseAddress);
        await client.SignInAsync(id, WebAppHost.PasswordFor(id));
        // People do not start in the same millisecond.
        await Task.Delay(random.Next(0, (int)autosaveEvery.TotalMilliseconds));
        while (clock.Elapsed < deadline)
        {
            var next = await TimedAsync(pages, () => client.GetAsync("/work"));
            if (next.Status != HttpStatusCode.Found || next.Location is null || !next.Location.Contains("/work/", StringComparison.Ordinal))
            {
                problems.Enqueue($"{id}: /work answered {(int)next.Status} {next.Location}");
                return;
            }

            var path = new Uri(host.BaseAddress, next.Location).AbsolutePath;
            var item = Uri.UnescapeDataString(path["/work/".Length..]);
            var page = await TimedAsync(pages, () => client.GetAsync(path));
            if (page.Status != HttpStatusCode.OK) { problems.Enqueue($"{id}: {path} answered {(int)page.Status}"); return; }
            var hidden = HiddenNumber().Matches(page.Body).ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            var revision = hidden.GetValueOrDefault("Revision");
            var query = "";
            for (var edit = 1; edit <= 3 && clock.Elapsed < deadline; edit++)
            {
                await Task.Delay(autosaveEvery * (0.75 + (random.NextDouble() / 2)));
                query = $"{id} 为 {item} 写的写作要求，第 {edit} 稿。";
                var body = new { revision, query, thought = $"思路：先写开头，再写结尾（{edit}）。", genre = (string?)null, specialised = false, accepted_draft = false };
                var answer = await TimedAsync(saves, () => client.PostJsonAsync($"/api/work/{Uri.EscapeDataString(item)}/autosave", body));
                if (answer.Status != HttpStatusCode.OK) { problems.Enqueue($"{id}: autosave of {item} answered {(int)answer.Status}: {answer.Body}"); return; }
                revision = JsonDocument.Parse(answer.Body).RootElement.GetProperty("revision").GetInt64();
                saved.Enqueue(new Save(id, item, revision, query));
            }

            if (clock.Elapsed >= deadline) return;
            var submit = await TimedAsync(pages, () => client.PostFormAsync(path, "work",
                ("Input.Version", hidden.GetValueOrDefault("Version").ToString(CultureInfo.InvariantCulture)),
                ("Input.Revision", revision.ToString(CultureInfo.InvariantCulture)), ("Input.Query", query),
                ("Input.Thought", "思路：先写开头，再写结尾。"), ("Input.Action", "submit")));
            if (submit.Status != HttpStatusCode.Found) { problems.Enqueue($"{id}: submit of {item} answered {(int)submit.Status}"); return; }
            submitted.Enqueue((id, item, query));
        }
    }

    private static async Task<PageResult> TimedAsync(ConcurrentBag<double> latencies, Func<Task<PageResult>> request)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await request();
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private static async Task VerifyAsync(Workspace workspace, ConcurrentQueue<Save> saved, ConcurrentQueue<(string Person, string Item, string Query)> submitted, ConcurrentQueue<string> problems)
    {
        foreach (var group in saved.GroupBy(s => (s.Person, s.Item)))
        {
            var revisions = group.Select(s => s.Revision).Order().ToList();
            if (!revisions.SequenceEqual(Enumerable.Range(1, revisions.Count).Select(r => (long)r)))
                problems.Enqueue($"{group.Key.Person} on {group.Key.Item}: revisions {string.Join(",", revisions)} (a save lost or doubled)");
        }

        foreach (var group in saved.GroupBy(s => s.Item).Where(g => g.Select(s => s.Person).Distinct().Count() > 1))
            problems.Enqueue($"{group.Key} was handed to {string.Join(", ", group.Select(s => s.Person).Distinct())}");

        foreach (var (person, item, query) in submitted)
        {
            var stored = await workspace.Items.GetItemAsync(item);
            if (stored?.State != CurationState.Annotated) { problems.Enqueue($"{item}: submitted by {person} but {stored?.State}"); continue; }
            var artifacts = await workspace.Items.GetArtifactsAsync(item);
            using var annotation = JsonDocument.Parse(artifacts["annotation"].Json);
            if (annotation.RootElement.GetProperty("query").GetString() != query) problems.Enqueue($"{item}: the annotation is not the last saved text");
            if (annotation.RootElement.GetProperty("annotator").GetString() != person) problems.Enqueue($"{item}: annotator is not {person}");
            var toAnnotated = 0;
            await foreach (var e in workspace.Items.ReadAuditAsync(item)) if (e.To == CurationState.Annotated && e.From != CurationState.Annotated) toAnnotated++;
            if (toAnnotated != 1) problems.Enqueue($"{item}: {toAnnotated} transitions to annotated");
        }

        var annotated = (await workspace.Items.CountByStateAsync()).Where(s => s.State == CurationState.Annotated).Sum(s => s.Count);
        if (annotated != submitted.Count) problems.Enqueue($"{annotated} items annotated, {submitted.Count} submitted");
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = p / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }

    private static async Task SeedAsync(ICurationStore store, int count)
    {
        static string Text(int i) => string.Concat(Enumerable.Range(0, 20).Select(k => $"第{i}篇第{k}句写了不一样的内容。\n")).TrimEnd();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(500))
            await store.InsertItemsAsync([.. chunk.Select(i => new NewCurationItem
            {
                Id = $"w{i:D6}", Text = Text(i), TextHash = $"h{i}", CharCount = Text(i).Length,
                Source = new SourceLocation("bench", $"line {i + 1}"), State = CurationState.Ready,
            })], Actor.System("bench"));
    }
}
