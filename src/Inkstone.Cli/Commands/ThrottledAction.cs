namespace Inkstone.Cli.Commands;

/// <summary>
/// Runs an action at most once per interval (calls in between return at once): for bookkeeping that should follow
/// progress without costing a write per item, such as recording a run's usage as it goes.
/// </summary>
public sealed class ThrottledAction(TimeSpan interval, Func<CancellationToken, Task> action, TimeProvider? timeProvider = null) : IDisposable
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _last = long.MinValue;

    public async Task InvokeAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        if (_last != long.MinValue && _time.GetElapsedTime(Interlocked.Read(ref _last), now) < interval) return;
        if (!await _gate.WaitAsync(0, cancellationToken).ConfigureAwait(false)) return;
        try
        {
            Interlocked.Exchange(ref _last, now);
            await action(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
