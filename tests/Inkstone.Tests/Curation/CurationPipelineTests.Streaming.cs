using Inkstone.Curation;
using Inkstone.Curation.Stages;
using Inkstone.Llm.Backends;
using Inkstone.Storage;

namespace Inkstone.Tests.Curation;

/// <summary>Streaming stages: the window, a stopped endpoint, interruption, and a run with nothing to do.</summary>
public abstract partial class CurationPipelineTests
{
    /// <summary>ingested → assessed by a script, counting the calls in flight.</summary>
    private sealed class ScriptedStage(Func<CurationItem, CancellationToken, Task<StageResult>> process, int batchSize = 8) : ICurationStage
    {
        private int _inFlight;
        private int _peak;

        public string Name => "scripted";
        public CurationState From => CurationState.Ingested;
        public string? UnavailableReason => null;
        public int BatchSize => batchSize;
        public int Peak => Volatile.Read(ref _peak);
        public int Calls;

        public async Task<StageResult> ProcessAsync(CurationItem item, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            var now = Interlocked.Increment(ref _inFlight);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak) { }
            try
            {
                return await process(item, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private static Inkstone.Model.AssessmentScores Uniform(int score) => new()
    {
        ArticleQuality = score, ArticleCreativity = score, QueryQuality = score, QueryCreativity = score, ThoughtQuality = score, ThoughtCreativity = score,
    };

    private static StageResult Assessed() => new(CurationState.Assessed, Actor.System("scripted"));

    private CurationPipeline Pipeline(ICurationStage stage) => new(_temp.Items, [stage]);

    [Fact]
    public async Task Run_Concurrency16BatchSize8_SixteenCallsInFlight()
    {
        await SeedAsync(96);
        var stage = new ScriptedStage(async (_, ct) => { await Task.Delay(40, ct); return Assessed(); }, batchSize: 8);

        var report = Assert.Single(await Pipeline(stage).RunAsync(new PipelineRunOptions { Concurrency = 16 }, cancellationToken: Ct));

        Assert.Equal(16, stage.Peak);
        Assert.Equal(96, report.Processed);
        Assert.Equal(new Dictionary<string, long> { ["assessed"] = 96 }, await Counts());
    }

    [Fact]
    public async Task Run_OneCallHangs_TheOthersFinishAndAreWrittenMeanwhile()
    {
        await SeedAsync(40);
        var others = 0;
        var thirtyWritten = new TaskCompletionSource();
        var stage = new ScriptedStage(async (item, ct) =>
        {
            if (item.Id == "i000")
            {
                // Released only once 30 other items are in the database: batch-and-wait would never get there.
                await thirtyWritten.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
                return Assessed();
            }
            await Task.Delay(5, ct);
            return Assessed();
        });
        var progress = new Progress<StageProgress>(_ => { });
        var run = Pipeline(stage).RunAsync(new PipelineRunOptions
        {
            Concurrency = 4,
            AfterWrite = async c =>
            {
                var done = (await _temp.Items.CountByStateAsync(c)).Where(s => s.State == CurationState.Assessed).Sum(s => s.Count);
                if (done >= 30) thirtyWritten.TrySetResult();
                Interlocked.Exchange(ref others, (int)done);
            },
        }, progress, Ct);

        var report = Assert.Single(await run);
        Assert.True(thirtyWritten.Task.IsCompletedSuccessfully);
        Assert.Equal(40, report.Processed);
    }

    [Fact]
    public async Task Run_EndpointUnavailable_StopsReleasesClaimsQuarantinesNothing()
    {
        await SeedAsync(30);
        var stage = new ScriptedStage((item, _) => item.Id == "i005" || item.Id.CompareTo("i010") > 0
            ? throw new EndpointUnavailableException(new Uri("http://127.0.0.1:9/v1/"), "Connection refused (127.0.0.1:9)")
            : Task.FromResult(Assessed()), batchSize: 4);

        var report = Assert.Single(await Pipeline(stage).RunAsync(new PipelineRunOptions { Concurrency = 4 }, cancellationToken: Ct));

        Assert.Contains("Connection refused (127.0.0.1:9)", report.Stopped, StringComparison.Ordinal);
        var counts = await Counts();
        Assert.False(counts.ContainsKey("quarantined"));
        Assert.Equal(30, counts.Values.Sum());
        Assert.True(stage.Calls < 30, $"{stage.Calls} calls: the stage went on after the endpoint was down");
        // Nothing is left claimed: every item not yet assessed can be claimed again at once.
        var reclaimable = await _temp.Items.ClaimAsync(CurationState.Ingested, "another-worker", 100, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(counts.GetValueOrDefault("ingested"), reclaimable.Count);
    }

    [Fact]
    public async Task Run_Cancelled_InFlightCallsFinishAndAreWrittenClaimsReleased()
    {
        await SeedAsync(50);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var started = 0;
        var stage = new ScriptedStage(async (_, ct) =>
        {
            if (Interlocked.Increment(ref started) == 10) await cancel.CancelAsync();
            await Task.Delay(100, ct); // finishes within the grace period although the run was cancelled
            return Assessed();
        });

        var report = Assert.Single(await Pipeline(stage).RunAsync(
            new PipelineRunOptions { Concurrency = 4, GracePeriod = TimeSpan.FromSeconds(10) }, cancellationToken: cancel.Token));

        Assert.Equal("interrupted", report.Stopped);
        var counts = await Counts();
        // Every call that was made was written; nothing else changed, and nothing stays claimed.
        Assert.Equal(stage.Calls, counts.GetValueOrDefault("assessed"));
        Assert.Equal(report.Processed, stage.Calls);
        Assert.True(stage.Calls < 50);
        var reclaimable = await _temp.Items.ClaimAsync(CurationState.Ingested, "another-worker", 100, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(50 - stage.Calls, reclaimable.Count);
    }

    [Fact]
    public async Task Run_GracePeriodRunsOut_UnfinishedCallsReleasedNotQuarantined()
    {
        await SeedAsync(8);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var stage = new ScriptedStage(async (_, ct) =>
        {
            await cancel.CancelAsync();
            await Task.Delay(TimeSpan.FromMinutes(5), ct);
            return Assessed();
        });

        var report = Assert.Single(await Pipeline(stage).RunAsync(
            new PipelineRunOptions { Concurrency = 2, GracePeriod = TimeSpan.FromMilliseconds(200) }, cancellationToken: cancel.Token));

        Assert.Equal(("interrupted", 0L), (report.Stopped, report.Processed));
        Assert.Equal(new Dictionary<string, long> { ["ingested"] = 8 }, await Counts());
        Assert.Equal(8, (await _temp.Items.ClaimAsync(CurationState.Ingested, "another-worker", 100, TimeSpan.FromMinutes(1), Ct)).Count);
    }

    [Fact]
    public async Task Run_SecondRunAfterTheGate_ChangesNothing()
    {
        await SeedAsync(12, CurationState.Ready);
        var lines = string.Concat(Enumerable.Range(0, 12).Select(i => System.Text.Json.JsonSerializer.Serialize(new { source_id = $"i{i:D3}", annotator = "a1", query = $"写第{i}篇", thought = "先立意" }) + "\n"));
        await new Inkstone.Curation.Exchange.AnnotationImporter(_temp.Items).ImportAsync(_temp.WriteFile("ann.jsonl", lines), cancellationToken: Ct);
        var config = new WorkspaceConfig { Gate = new() { Scorer = "model" }, Drafts = new() { Enabled = true } };
        // Every other item fails the gate and goes to revise; before, the next run reopened and re-drafted those.
        var model = new FakeCurationModel { Scores = t => t.Contains("第0篇", StringComparison.Ordinal) || t.Contains("第2篇", StringComparison.Ordinal)
            ? Uniform(5) : Uniform(9) };
        await Pipeline(config, model).RunAsync(new PipelineRunOptions { Concurrency = 4 }, cancellationToken: Ct);
        var before = await Counts();
        Assert.Equal((10L, 2L), (before.GetValueOrDefault("scored"), before.GetValueOrDefault("revise")));
        var events = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i => (await _temp.Items.ReadAuditAsync($"i{i:D3}", Ct).ToListAsync(Ct)).Count));

        var reports = await Pipeline(config, model).RunAsync(new PipelineRunOptions { Concurrency = 4 }, cancellationToken: Ct);

        Assert.All(reports.Where(r => r.Skipped is null), r => Assert.Equal(0, r.Processed));
        Assert.Equal(before, await Counts());
        var after = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i => (await _temp.Items.ReadAuditAsync($"i{i:D3}", Ct).ToListAsync(Ct)).Count));
        Assert.Equal(events, after);
    }
}
