namespace Inkstone.Curation;

/// <summary>How <see cref="CurationPipeline"/> runs: which stages, how many items each, how many at once.</summary>
public sealed record PipelineRunOptions
{
    /// <summary>Stage names to run, in pipeline order; null runs every stage that has work.</summary>
    public IReadOnlyCollection<string>? Stages { get; init; }

    /// <summary>At most this many items per stage in this run.</summary>
    public long? Limit { get; init; }

    /// <summary>Items processed at once within a batch (model calls in flight).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>How long a claim holds before another worker may take the item (a crashed worker's claims expire).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    public string? RunId { get; init; }
}
