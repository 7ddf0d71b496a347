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

    /// <summary>What each person did: items annotated and scored (audit trail), review decisions (review records).</summary>
    public IReadOnlyList<PersonWork> People { get; init; } = [];

    /// <summary>Agreement between reviewers who decided the same item in the same round.</summary>
    public ReviewAgreement Agreement { get; init; } = new(0, 0);

    /// <summary>
    /// One person's work: transitions to annotated and out of annotated (score gate) recorded with them as actor,
    /// review assignments, and their decisions by kind.
    /// </summary>
    public sealed record PersonWork(string Person, long Annotated, long Scored, long ReviewsAssigned, long Accepted, long Revised, long Removed)
    {
        public long ReviewsDecided => Accepted + Revised + Removed;
    }

    /// <summary>
    /// Over every pair of reviewers who both decided the same item in the same round, the share of pairs with the same
    /// decision (accept, revise, remove): simple pairwise percent agreement, null without pairs.
    /// </summary>
    public sealed record ReviewAgreement(long Pairs, long AgreeingPairs)
    {
        public double? Rate => Pairs == 0 ? null : (double)AgreeingPairs / Pairs;
    }

    public sealed record StateLine(string State, string? Reason, long Count);

    /// <summary>Of the decisions taken on items leaving <see cref="From"/>, the share that moved forward. Quarantine (a failed call) is not a decision.</summary>
    public sealed record StageRate(string Stage, string From, long Decided, long Passed)
    {
        public double? Rate => Decided == 0 ? null : (double)Passed / Decided;
    }

    public sealed record Bucket(string Key, long Count);
}
