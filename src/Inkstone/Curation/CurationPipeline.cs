using System.Diagnostics;
using Inkstone.Curation.Stages;
using Inkstone.Storage;

namespace Inkstone.Curation;

/// <summary>
/// Runs stages in order. For each stage: quarantined items of that stage go back to its input state (retry), then items
/// stream through a window of claims (<see cref="StageRun"/>), and each result is written as one compare-and-swap
/// transition with its audit event. A killed run leaves at most the window claimed; the next run releases claims of
/// dead processes on this machine (others expire with their lease) and repeats only those items. A stage that stops
/// (endpoint unavailable, interrupted) releases its claims and ends the run.
/// </summary>
public sealed class CurationPipeline(ICurationStore store, IReadOnlyList<ICurationStage> stages, TimeProvider? timeProvider = null)
{
    private static readonly Actor s_retry = Actor.System("retry");
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public IReadOnlyList<ICurationStage> Stages => stages;

    /// <summary>The claim owner of this process: machine, process id and run id, so that dead owners can be recognised.</summary>
    public static string OwnerFor(string runId) => $"{Environment.MachineName}/{Environment.ProcessId}/{runId}";

    public async Task<IReadOnlyList<StageRunReport>> RunAsync(PipelineRunOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var unknown = options.Stages?.Where(n => stages.All(s => s.Name != n)).ToList() ?? [];
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown stage(s): {string.Join(", ", unknown)}; stages are {string.Join(", ", stages.Select(s => s.Name))}", nameof(options));
        var runId = options.RunId ?? _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'-", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
        await ReleaseDeadClaimsAsync(cancellationToken).ConfigureAwait(false);

        var reports = new List<StageRunReport>();
        var runnable = new List<ICurationStage>();
        foreach (var stage in stages)
        {
            if (options.Stages is not null && !options.Stages.Contains(stage.Name)) continue;
            if (stage.UnavailableReason is { } why) reports.Add(new StageRunReport(stage.Name, why, 0, new Dictionary<string, long>(), 0, 0));
            else runnable.Add(stage);
        }

        if (options.Concurrency <= 1)
        {
            // One worker: stage after stage on the calling thread, the fastest way through the rule-based stages.
            foreach (var stage in runnable)
            {
                var requeued = await RequeueQuarantinedAsync(stage, runId, cancellationToken).ConfigureAwait(false);
                var report = await new StageRun(store, stage, options, OwnerFor(runId, stage), runId, progress).RunAsync(requeued, cancellationToken).ConfigureAwait(false);
                reports.Add(report);
                if (report.Stopped is not null) break;
            }
        }
        else
        {
            reports.AddRange(await RunOverlappedAsync(runnable, options, runId, progress, cancellationToken).ConfigureAwait(false));
        }

        return [.. reports.OrderBy(r => stages.ToList().FindIndex(s => s.Name == r.Stage))];
    }

    /// <summary>
    /// Every stage at once, sharing <see cref="PipelineRunOptions.Concurrency"/> slots: an item screened a moment ago is
    /// analysed while others are still being assessed, so no stage waits for the slowest call of the one before it. A
    /// stage ends when the stages before it have ended and nothing is left in its input state.
    /// </summary>
    private async Task<IReadOnlyList<StageRunReport>> RunOverlappedAsync(List<ICurationStage> runnable, PipelineRunOptions options, string runId,
        IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var requeued = new long[runnable.Count];
        for (var i = 0; i < runnable.Count; i++) requeued[i] = await RequeueQuarantinedAsync(runnable[i], runId, cancellationToken).ConfigureAwait(false);
        using var shared = new StageRun.Shared(options.Concurrency, cancellationToken);
        var runs = new List<Task<StageRunReport>>();
        for (var i = 0; i < runnable.Count; i++)
        {
            var upstream = Task.WhenAll(runs.ToArray());
            var run = new StageRun(store, runnable[i], options, OwnerFor(runId, runnable[i]), runId, progress) { Overlap = shared, Upstream = upstream };
            var index = i;
            runs.Add(Task.Run(() => run.RunAsync(requeued[index], cancellationToken), CancellationToken.None));
        }
        return await Task.WhenAll(runs).ConfigureAwait(false);
    }

    /// <summary>The claim owner of one stage of a run: stages of one run release their claims apart.</summary>
    private static string OwnerFor(string runId, ICurationStage stage) => OwnerFor(runId + ":" + stage.Name);

    private async Task<long> RequeueQuarantinedAsync(ICurationStage stage, string runId, CancellationToken cancellationToken)
    {
        long requeued = 0;
        string? after = null;
        while (true)
        {
            var page = await store.ListItemsAsync(CurationState.Quarantined, after, 500, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0) break;
            after = page[^1].Id;
            var mine = page.Where(i => i.ReturnState == stage.From).Select(i => new StateTransition
            {
                ItemId = i.Id, ExpectedVersion = i.Version, From = CurationState.Quarantined, To = stage.From, Actor = s_retry,
                ReasonCode = "retry", Reason = $"retry after: {i.Reason}", RunId = runId,
            }).ToList();
            if (mine.Count > 0) requeued += (await store.TransitionAsync(mine, cancellationToken).ConfigureAwait(false)).Count(a => a);
        }

        return requeued;
    }

    /// <summary>Releases claims held by processes of this machine that no longer run (a kill -9 leaves them behind).</summary>
    private async Task ReleaseDeadClaimsAsync(CancellationToken cancellationToken)
    {
        foreach (var owner in await store.ListClaimOwnersAsync(cancellationToken).ConfigureAwait(false))
        {
            var parts = owner.Split('/');
            if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid)) continue;
            if (!IsAlive(pid)) await store.ReleaseClaimsAsync(owner, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
