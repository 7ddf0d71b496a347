using System.Collections.Concurrent;

namespace Inkstone.Llm.Usage;

/// <summary>Thread-safe counters of calls, cache hits, tokens and failures per model, read at the end of a command.</summary>
public sealed class UsageLedger
{
    private readonly ConcurrentDictionary<string, Counters> _models = new(StringComparer.Ordinal);

    public void RecordCall(string model, bool cacheHit, long? inputTokens, long? outputTokens)
    {
        var c = _models.GetOrAdd(model, _ => new Counters());
        Interlocked.Increment(ref c.Calls);
        if (cacheHit)
        {
            Interlocked.Increment(ref c.CacheHits);
            return;
        }
        if (inputTokens is { } i) Interlocked.Add(ref c.InputTokens, i);
        if (outputTokens is { } o) Interlocked.Add(ref c.OutputTokens, o);
    }

    /// <summary>A call that threw before any answer came back.</summary>
    public void RecordFailedCall(string model)
    {
        var c = _models.GetOrAdd(model, _ => new Counters());
        Interlocked.Increment(ref c.Calls);
        Interlocked.Increment(ref c.Failures);
    }

    /// <summary>A call that came back with an answer that could not be used.</summary>
    public void RecordInvalidAnswer(string model) => Interlocked.Increment(ref _models.GetOrAdd(model, _ => new Counters()).Failures);

    public IReadOnlyList<ModelUsage> Snapshot() => _models
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => new ModelUsage(p.Key, Interlocked.Read(ref p.Value.Calls), Interlocked.Read(ref p.Value.CacheHits),
            Interlocked.Read(ref p.Value.InputTokens), Interlocked.Read(ref p.Value.OutputTokens), Interlocked.Read(ref p.Value.Failures)))
        .ToList();

    public ModelUsage Total()
    {
        var all = Snapshot();
        return new ModelUsage("total", all.Sum(u => u.Calls), all.Sum(u => u.CacheHits), all.Sum(u => u.InputTokens), all.Sum(u => u.OutputTokens), all.Sum(u => u.Failures));
    }

    private sealed class Counters
    {
        public long Calls;
        public long CacheHits;
        public long InputTokens;
        public long OutputTokens;
        public long Failures;
    }
}
