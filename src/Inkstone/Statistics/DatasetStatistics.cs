namespace Inkstone.Statistics;

/// <summary>
/// The shape of the paper's Tables 5–10 and Fig. 3b for a set of accepted triplets: the overall row, one row per
/// category and per genre that has records (largest first, ties in taxonomy order), a row for records without genre
/// (when there are any), the balance audit and the length distribution.
/// </summary>
public sealed record DatasetStatistics(
    string TaxonomyVersion,
    StatisticsRow Overall,
    IReadOnlyList<StatisticsRow> Categories,
    IReadOnlyList<StatisticsRow> Genres,
    StatisticsRow? Unassigned,
    BalanceAudit Balance,
    IReadOnlyList<LengthBucket> LengthDistribution);
