using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Storage;

namespace Inkstone.IntegrationTests.Curation;

/// <summary>
/// Kill -9 the pipeline (ingest, every model stage against a stub model, drafts accepted, scoring and the gate) at random
/// points of a 5,000-document run,
/// restart it until it finishes, and compare with an uninterrupted run: same items in the same states with the same
/// versions (so no transition happened twice), same artifacts and audit sequences, and model calls repeated only for
/// what was in flight when a kill landed.
/// </summary>
public abstract class CrashRecoveryTests : IDisposable
{
    private const int Documents = 5_000;
    private const int Kills = 5;
    private const int MaxInFlightPerKill = 16 * 2; // a claimed batch of 16, up to two calls per item in a stage

    protected string Root { get; } = Directory.CreateTempSubdirectory("inkstone-crash-").FullName;

    /// <summary>The store section for a new, empty workspace database.</summary>
    protected abstract Task<WorkspaceConfig.StoreConfig> NewStoreAsync(string name);

    [Fact]
    public async Task KilledAtRandomPoints_ResultEqualsUninterruptedRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = Path.Combine(Root, "corpus.jsonl");
        WriteCorpus(source);

        var reference = await CreateWorkspaceAsync("reference");
        var referenceLog = Path.Combine(Root, "reference.calls");
        Assert.True(await RunWorkerAsync(reference, source, referenceLog, killAfter: null, ct));

        var crashed = await CreateWorkspaceAsync("crashed");
        var crashedLog = Path.Combine(Root, "crashed.calls");
        var random = new Random(9);
        var kills = 0;
        for (var attempt = 0; attempt < Kills; attempt++)
        {
            var finished = await RunWorkerAsync(crashed, source, crashedLog, TimeSpan.FromMilliseconds(random.Next(300, 7000)), ct);
            if (finished) break;
            kills++;
        }

        Assert.True(await RunWorkerAsync(crashed, source, crashedLog, killAfter: null, ct));
        Assert.True(kills > 0, "no kill landed before the run finished; the test proved nothing");

        await using var a = await Workspace.OpenAsync(reference, ct);
        await using var b = await Workspace.OpenAsync(crashed, ct);
        var expected = await SnapshotAsync(a.Items, ct);
        var actual = await SnapshotAsync(b.Items, ct);
        Assert.Equal(expected.Count, actual.Count);
        Assert.True(expected.Count > Documents * 0.9, $"only {expected.Count} items");
        // Every stage ran, the gate included: items passed it and items were sent back by it.
        Assert.Contains(expected.Values, v => v.StartsWith("scored|", StringComparison.Ordinal));
        Assert.Contains(expected.Values, v => v.StartsWith("revise|gate|", StringComparison.Ordinal));
        foreach (var (id, value) in expected) Assert.Equal(value, actual[id]);
        Assert.Equal(Documents, await CountRecordsAsync(a.Items, ct));

        var referenceCalls = CountCalls(referenceLog);
        var crashedCalls = CountCalls(crashedLog);
        Assert.All(referenceCalls, c => Assert.Equal(1, c.Value));
        Assert.Equal(referenceCalls.Keys.Order(StringComparer.Ordinal), crashedCalls.Keys.Order(StringComparer.Ordinal));
        var repeated = crashedCalls.Values.Sum(v => v - 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"{kills} kills; {expected.Count} items; {referenceCalls.Count} model calls uninterrupted; {repeated} repeated after kills");
        Assert.InRange(repeated, 0, kills * MaxInFlightPerKill);
        Assert.All(crashedCalls, c => Assert.InRange(c.Value, 1, 1 + kills));
    }

    [Fact]
    public async Task TwoWorkerProcessesAtOnce_ResultEqualsSingleRunAndEveryModelCallMadeOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = Path.Combine(Root, "corpus.jsonl");
        WriteCorpus(source);
        var reference = await CreateWorkspaceAsync("single");
        var referenceLog = Path.Combine(Root, "single.calls");
        Assert.True(await RunWorkerAsync(reference, source, referenceLog, killAfter: null, ct));

        // Ingest first: concurrent ingest processes would each miss near duplicates the other is storing (docs/operations.md).
        var shared = await CreateWorkspaceAsync("shared");
        var sharedLog = Path.Combine(Root, "shared.calls");
        Assert.True(await RunWorkerAsync(shared, source, sharedLog, killAfter: null, ct, "ingest"));
        var results = await Task.WhenAll(
            RunWorkerAsync(shared, source, sharedLog, killAfter: null, ct, "run"),
            RunWorkerAsync(shared, source, sharedLog, killAfter: null, ct, "run"));
        Assert.All(results, Assert.True);

        await using var a = await Workspace.OpenAsync(reference, ct);
        await using var b = await Workspace.OpenAsync(shared, ct);
        var expected = await SnapshotAsync(a.Items, ct);
        var actual = await SnapshotAsync(b.Items, ct);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (id, value) in expected) Assert.Equal(value, actual[id]);
        var single = CountCalls(referenceLog);
        var twoWorkers = CountCalls(sharedLog);
        var differences = single.Keys.Union(twoWorkers.Keys).Where(k => single.GetValueOrDefault(k) != twoWorkers.GetValueOrDefault(k))
            .Select(k => $"{k}: {single.GetValueOrDefault(k)} vs {twoWorkers.GetValueOrDefault(k)}").Take(10).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private async Task<string> CreateWorkspaceAsync(string name)
    {
        var config = new WorkspaceConfig { Store = await NewStoreAsync(name), Drafts = new() { Enabled = true }, Gate = new() { Scorer = "model" } };
        var directory = Path.Combine(Root, name);
        await using (await Workspace.InitAsync(directory, config, TestContext.Current.CancellationToken)) { }
        return directory;
    }

    private static async Task<bool> RunWorkerAsync(string workspace, string source, string callLog, TimeSpan? killAfter, CancellationToken ct, string mode = "all")
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Inkstone.CrashWorker.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, workspace, source, callLog, mode }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        if (killAfter is { } delay)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(delay);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(); // SIGKILL on Linux: no finally blocks, no flushes
                await process.WaitForExitAsync(ct);
                return false;
            }
        }
        else
        {
            await process.WaitForExitAsync(ct);
        }

        Assert.True(process.ExitCode == 0, $"worker failed ({process.ExitCode}): {await stderr}");
        return (await stdout).Contains("done", StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> SnapshotAsync(ICurationStore store, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await store.ListItemsAsync(null, after, 500, ct);
            if (page.Count == 0) break;
            after = page[^1].Id;
            foreach (var item in page)
            {
                var snapshot = new StringBuilder($"{item.State.ToStorage()}|{item.ReasonCode}|{item.Reason}|v{item.Version}|{item.TextHash}");
                foreach (var (kind, artifact) in (await store.GetArtifactsAsync(item.Id, ct)).OrderBy(p => p.Key, StringComparer.Ordinal))
                    snapshot.Append($"|{kind}@{artifact.Revision}={artifact.Json}");
                await foreach (var e in store.ReadAuditAsync(item.Id, ct))
                    snapshot.Append($"|{e.From?.ToStorage()}>{e.To.ToStorage()}:{e.Actor}");
                result[item.Id] = snapshot.ToString();
            }
        }

        return result;
    }

    private static async Task<long> CountRecordsAsync(ICurationStore store, CancellationToken ct) =>
        (await store.CountByStateAsync(ct)).Sum(c => c.Count) + await store.CountIngestErrorsAsync(null, ct);

    // Each worker process writes LOG.PID.
    private static Dictionary<string, int> CountCalls(string log) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(log)!, Path.GetFileName(log) + ".*").SelectMany(File.ReadLines)
            .GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>5,000 documents with exact and near duplicates, old, undated and too-short texts among them.</summary>
    private static void WriteCorpus(string path)
    {
        var random = new Random(5000);
        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x4E00 + 3000))]);
        var texts = new List<string>();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < Documents; i++)
        {
            string text = i switch
            {
                _ when i % 111 == 110 => "太短。",
                _ when i % 50 == 49 => texts[i / 2],
                _ when i % 70 == 69 && texts[i / 3].Length > 200 => texts[i / 3][..150] + "改" + texts[i / 3][151..],
                _ => Text(300) + "。",
            };
            texts.Add(text);
            var date = i % 90 == 89 ? null : i % 40 == 39 ? "2021-06-01" : $"2023-{1 + (i % 12):D2}-15";
            writer.WriteLine(JsonSerializer.Serialize(new { id = $"d{i:D5}", text, published_at = date, platform = i % 2 == 0 ? "weibo" : "zhihu", likes = i }));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
