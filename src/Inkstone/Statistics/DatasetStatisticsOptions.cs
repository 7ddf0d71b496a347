namespace Inkstone.Statistics;

public sealed record DatasetStatisticsOptions
{
    /// <summary>The paper's minimum number of samples per genre.</summary>
    public const int PaperMinPerGenre = 15;

    public int MinPerGenre { get; init; } = PaperMinPerGenre;
}
