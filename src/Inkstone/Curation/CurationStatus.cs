namespace Inkstone.Curation;

/// <summary>
/// Items per state (they add up to <see cref="Total"/>, the number of items ever stored), acceptance rate per stage,
/// and the balance audit of accepted triplets (docs/curation.md § Status and audit).
/// </summary>
public sealed record CurationStatus
{
    public required long Total { get; init; }
    public required IReadOnlyList<StateLine> States { get; init; }
    public required long IngestErrors { get; init; }

    /// <summary>Ingest warnings: records stored as they are with a problem (an unknown genre kept as written).</summary>
    public long IngestWarnings { get; init; }
    public required IReadOnlyList<StageRate> Rates { get; init; }
    public required IReadOnlyList<Bucket> Genres { get; init; }
    public required IReadOnlyList<Bucket> Platforms { get; init; }
    public required IReadOnlyList<Bucket> Months { get; init; }
    public required int MinimumPerGenre { get; init; }

    /// <summary>Runs at work now (claims held) or within <see cref="WorkerWindow"/> (transitions written), on any machine.</summary>
    public IReadOnlyList<Storage.WorkerActivity> Workers { get; init; } = [];

    /// <summary>The window of <see cref="Workers"/>' recent transitions: their count is the throughput per minute.</summary>
    public static TimeSpan WorkerWindow { get; } = TimeSpan.FromMinutes(1);

    public sealed record StateLine(string State, string? Reason, long Count);

    /// <summary>Of the decisions taken on items leaving <see cref="From"/>, the share that moved forward. Quarantine (a failed call) is not a decision.</summary>
    public sealed record StageRate(string Stage, string From, long Decided, long Passed)
    {
        public double? Rate => Decided == 0 ? null : (double)Passed / Decided;
    }

    public sealed record Bucket(string Key, long Count);
}
