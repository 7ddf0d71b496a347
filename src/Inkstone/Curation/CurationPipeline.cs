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
        var owner = OwnerFor(runId);
        await ReleaseDeadClaimsAsync(cancellationToken).ConfigureAwait(false);

        var reports = new List<StageRunReport>();
        foreach (var stage in stages)
        {
            if (options.Stages is not null && !options.Stages.Contains(stage.Name)) continue;
            if (stage.UnavailableReason is { } why)
            {
                reports.Add(new StageRunReport(stage.Name, why, 0, new Dictionary<string, long>(), 0, 0));
                continue;
            }

            var report = await RunStageAsync(stage, options, owner, runId, progress, cancellationToken).ConfigureAwait(false);
            reports.Add(report);
            if (report.Stopped is not null) break;
        }

        return reports;
    }

    private async Task<StageRunReport> RunStageAsync(ICurationStage stage, PipelineRunOptions options, string owner, string runId, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var requeued = await RequeueQuarantinedAsync(stage, runId, cancellationToken).ConfigureAwait(false);
        return await new StageRun(store, stage, options, owner, runId, progress).RunAsync(requeued, cancellationToken).ConfigureAwait(false);
    }

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
