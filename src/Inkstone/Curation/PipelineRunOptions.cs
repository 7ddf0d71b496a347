namespace Inkstone.Curation;

/// <summary>How <see cref="CurationPipeline"/> runs: which stages, how many items each, how many at once.</summary>
public sealed record PipelineRunOptions
{
    /// <summary>Stage names to run, in pipeline order; null runs every stage that has work.</summary>
    public IReadOnlyCollection<string>? Stages { get; init; }

    /// <summary>At most this many items per stage in this run.</summary>
    public long? Limit { get; init; }

    /// <summary>Items processed at once (model calls in flight): claims are refilled as calls finish.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>After the caller cancels (Ctrl-C, SIGTERM): how long calls in flight may take to finish and be written.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called after each group of transitions is written (e.g. to record usage so far); never cancelled.</summary>
    public Func<CancellationToken, Task>? AfterWrite { get; init; }

    /// <summary>How long a claim holds before another worker may take the item (a crashed worker's claims expire).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    public string? RunId { get; init; }
}
