namespace Inkstone.Statistics;

/// <summary>
/// The shape of the paper's Tables 5–10 and Fig. 3b for a set of accepted triplets: the overall row, one row per
/// category and per genre that has records (largest first, ties in taxonomy order), a row for records without genre
/// (when there are any), the balance audit and the length distribution; also the spread of accepted records over
/// source platforms and publication months (reports draw them; <c>stats</c>' JSON and tables leave them out).
/// </summary>
public sealed record DatasetStatistics(
    string TaxonomyVersion,
    StatisticsRow Overall,
    IReadOnlyList<StatisticsRow> Categories,
    IReadOnlyList<StatisticsRow> Genres,
    StatisticsRow? Unassigned,
    BalanceAudit Balance,
    IReadOnlyList<LengthBucket> LengthDistribution)
{
    /// <summary>Accepted records per provenance platform ("(unknown)" without one), largest first, ties by key.</summary>
    public IReadOnlyList<CountBucket> Platforms { get; init; } = [];

    /// <summary>Accepted records per publication month (yyyy-MM, "(undated)" without a date), in key order.</summary>
    public IReadOnlyList<CountBucket> Months { get; init; } = [];
}
