using System.Threading.Channels;
using Inkstone.Curation.Stages;
using Inkstone.Llm.Backends;
using Inkstone.Storage;

namespace Inkstone.Curation;

/// <summary>
/// One run of one stage. With one worker, items are claimed in <see cref="ICurationStage.BatchSize"/> groups and
/// processed on the calling thread. With more, items stream through a window: claims are refilled as calls finish,
/// so the number of calls in flight equals the concurrency and a slow call delays only itself; results are written as
/// compare-and-swap transitions in small groups as they come.
/// <para>
/// What stops a stage: an unreachable model endpoint (<see cref="EndpointUnavailableException"/>: claiming stops, the
/// items it touched are released, never quarantined) and the caller's cancellation (claiming stops at once, calls in
/// flight get <see cref="PipelineRunOptions.GracePeriod"/> to finish and be written). Either way every claim this run
/// still holds is released at the end, so nothing waits for a lease to expire.
/// </para>
/// </summary>
internal sealed class StageRun(ICurationStore store, ICurationStage stage, PipelineRunOptions options, string owner, string runId,
    IProgress<StageProgress>? progress)
{
    private readonly Dictionary<string, long> _outcomes = new(StringComparer.Ordinal);
    private long _processed;
    private long _conflicts;
    private EndpointUnavailableException? _endpointDown;

    /// <summary>What stages running at once share: the slots, and a stop that ends them all.</summary>
    internal sealed class Shared(int slots, CancellationToken cancellationToken) : IDisposable
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        private EndpointUnavailableException? _endpointDown;

        public SemaphoreSlim Slots { get; } = new(slots, slots);

        public CancellationToken Stop => _stop.Token;

        public EndpointUnavailableException? EndpointDown => Volatile.Read(ref _endpointDown);

        public void Down(EndpointUnavailableException e)
        {
            Interlocked.CompareExchange(ref _endpointDown, e, null);
            _stop.Cancel();
        }

        public void Dispose()
        {
            _stop.Dispose();
            Slots.Dispose();
        }
    }

    /// <summary>Set when this stage runs at once with others: shared slots and stop.</summary>
    public Shared? Overlap { get; init; }

    /// <summary>Completes when the stages before this one have ended; until then an empty input only means "not yet".</summary>
    public Task? Upstream { get; init; }

    public async Task<StageRunReport> RunAsync(long requeued, CancellationToken cancellationToken)
    {
        using var processing = new CancellationTokenSource();
        var claiming = Overlap?.Stop ?? cancellationToken;
        // The caller's cancellation stops claiming at once; calls in flight are cancelled only after the grace period.
        await using (cancellationToken.Register(() => processing.CancelAfter(options.GracePeriod)).ConfigureAwait(false))
        {
            try
            {
                if (options.Concurrency <= 1) await RunSequentialAsync(claiming, processing.Token).ConfigureAwait(false);
                else await RunStreamingAsync(claiming, processing.Token).ConfigureAwait(false);
            }
            finally
            {
                // Claimed but not transitioned: items of a stopped or interrupted stage. Released with no event: they were never changed.
                await store.ReleaseClaimsAsync(owner, CancellationToken.None).ConfigureAwait(false);
            }
        }

        var stopped = (_endpointDown ?? Overlap?.EndpointDown)?.Message ?? (cancellationToken.IsCancellationRequested ? "interrupted" : null);
        return new StageRunReport(stage.Name, null, _processed, _outcomes, requeued, _conflicts) { Stopped = stopped };
    }

    private async Task RunSequentialAsync(CancellationToken claiming, CancellationToken processing)
    {
        while (!claiming.IsCancellationRequested && _endpointDown is null && Remaining() > 0)
        {
            var batch = await ClaimAsync((int)Math.Min(stage.BatchSize, Remaining()), claiming).ConfigureAwait(false);
            if (batch.Count == 0) break;
            var done = new List<(CurationItem, StageResult)>(batch.Count);
            foreach (var item in batch)
            {
                if (claiming.IsCancellationRequested) break;
                if (await ProcessAsync(item, processing).ConfigureAwait(false) is not { } result) break;
                done.Add((item, result));
            }

            await WriteAsync(done).ConfigureAwait(false);
        }
    }

    private async Task RunStreamingAsync(CancellationToken claiming, CancellationToken processing)
    {
        var window = Math.Max(options.Concurrency * 2, stage.BatchSize);
        var claimed = Channel.CreateUnbounded<CurationItem>(new UnboundedChannelOptions { SingleWriter = true });
        var finished = Channel.CreateUnbounded<(CurationItem Item, StageResult Result)>(new UnboundedChannelOptions { SingleReader = true });
        using var slotFreed = new SemaphoreSlim(0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(claiming);
        long outstanding = 0;

        async Task ProduceAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested && Remaining() > 0)
                {
                    var room = window - Interlocked.Read(ref outstanding);
                    if (room <= 0)
                    {
                        await slotFreed.WaitAsync(stop.Token).ConfigureAwait(false);
                        continue;
                    }
                    var batch = await ClaimAsync((int)Math.Min(room, Remaining()), stop.Token).ConfigureAwait(false);
                    if (batch.Count == 0)
                    {
                        if (Upstream is null || Upstream.IsCompleted) break;
                        // The stages before this one may still hand items on: look again shortly, or when they end.
                        await Task.WhenAny(Upstream, Task.Delay(UpstreamPoll, stop.Token)).ConfigureAwait(false);
                        stop.Token.ThrowIfCancellationRequested();
                        continue;
                    }
                    Interlocked.Add(ref outstanding, batch.Count);
                    foreach (var item in batch) claimed.Writer.TryWrite(item);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped claiming: the workers drain what is claimed.
            }
            finally
            {
                claimed.Writer.TryComplete();
            }
        }

        async Task WorkAsync()
        {
            await foreach (var item in claimed.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                // After a stop the rest of the window is not processed: its claims are released at the end.
                if (!stop.IsCancellationRequested && await ProcessInSlotAsync(item, stop.Token, processing).ConfigureAwait(false) is { } result)
                    finished.Writer.TryWrite((item, result));
                else if (_endpointDown is not null) await stop.CancelAsync().ConfigureAwait(false);
                Interlocked.Decrement(ref outstanding);
                slotFreed.Release();
            }
        }

        async Task WriteResultsAsync()
        {
            var group = new List<(CurationItem, StageResult)>();
            while (await finished.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                // Whatever has finished is written together: small groups when calls trickle in, full ones when they pour.
                while (group.Count < WriteGroup && finished.Reader.TryRead(out var done)) group.Add(done);
                await WriteAsync(group).ConfigureAwait(false);
                group.Clear();
            }
        }

        var producer = Task.Run(ProduceAsync, CancellationToken.None);
        var writer = Task.Run(WriteResultsAsync, CancellationToken.None);
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
            finished.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
    }

    /// <summary>How often a stage with an empty input looks again while the stages before it still run.</summary>
    private static readonly TimeSpan UpstreamPoll = TimeSpan.FromMilliseconds(20);

    /// <summary><see cref="ProcessAsync"/> in one of the shared slots when stages run at once; null when stopped before a slot came.</summary>
    private async Task<StageResult?> ProcessInSlotAsync(CurationItem item, CancellationToken stop, CancellationToken processing)
    {
        if (Overlap is null) return await ProcessAsync(item, processing).ConfigureAwait(false);
        try
        {
            await Overlap.Slots.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        try
        {
            return await ProcessAsync(item, processing).ConfigureAwait(false);
        }
        finally
        {
            Overlap.Slots.Release();
        }
    }

    /// <summary>Results per write transaction at most: one round trip for many items, yet never a long wait for the slowest.</summary>
    private int WriteGroup => Math.Max(stage.BatchSize, 16);

    private long Remaining() => (options.Limit ?? long.MaxValue) - _processed - InClaims;

    private long InClaims { get; set; }

    private async Task<IReadOnlyList<CurationItem>> ClaimAsync(int take, CancellationToken cancellationToken)
    {
        var batch = await store.ClaimAsync(stage.From, owner, take, options.Lease, cancellationToken).ConfigureAwait(false);
        lock (_outcomes) InClaims += batch.Count;
        return batch;
    }

    /// <summary>The stage's result for one item; null when the endpoint is down or the grace period ran out.</summary>
    private async Task<StageResult?> ProcessAsync(CurationItem item, CancellationToken processing)
    {
        try
        {
            return await stage.ProcessAsync(item, processing).ConfigureAwait(false);
        }
        catch (Exception e) when (EndpointUnavailableException.Find(e) is { } down)
        {
            Interlocked.CompareExchange(ref _endpointDown, down, null);
            Overlap?.Down(down);
            return null;
        }
        catch (OperationCanceledException) when (processing.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task WriteAsync(List<(CurationItem Item, StageResult Result)> done)
    {
        if (done.Count == 0) return;
        var transitions = done.Select(d => new StateTransition
        {
            ItemId = d.Item.Id, ExpectedVersion = d.Item.Version, From = stage.From, To = d.Result.To, Actor = d.Result.Actor,
            ReasonCode = d.Result.ReasonCode, Reason = d.Result.Reason, ReturnState = d.Result.ReturnState, Artifacts = d.Result.Artifacts, RunId = runId,
        }).ToList();
        // Written even while the run is being interrupted: these calls were made and must not be lost.
        var applied = await store.TransitionAsync(transitions, CancellationToken.None).ConfigureAwait(false);
        long processed;
        lock (_outcomes)
        {
            for (var i = 0; i < applied.Count; i++)
            {
                if (!applied[i])
                {
                    _conflicts++;
                    continue;
                }
                var key = done[i].Result.ReasonCode is { } code ? $"{done[i].Result.To.ToStorage()}({code})" : done[i].Result.To.ToStorage();
                _outcomes[key] = _outcomes.GetValueOrDefault(key) + 1;
            }
            InClaims -= done.Count;
            processed = _processed += done.Count;
        }

        progress?.Report(new StageProgress(stage.Name, processed));
        if (options.AfterWrite is { } afterWrite) await afterWrite(CancellationToken.None).ConfigureAwait(false);
    }
}
