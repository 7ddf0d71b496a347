using Inkstone.Datasets;

namespace Inkstone.Statistics;

/// <summary>Statistics of a dataset file together with what reading it produced.</summary>
public sealed record DatasetStatisticsReport(string Source, DatasetFormat Format, DatasetReadSummary Summary, DatasetStatistics Statistics)
{
    /// <summary>Overall row first, then the rows of <paramref name="grouping"/>, then records without genre.</summary>
    public IEnumerable<StatisticsRow> Rows(StatisticsGrouping grouping)
    {
        yield return Statistics.Overall;
        foreach (var category in grouping == StatisticsGrouping.Genre ? [] : Statistics.Categories)
        {
            yield return category;
            if (grouping == StatisticsGrouping.All)
                foreach (var genre in Statistics.Genres.Where(g => g.CategoryId == category.Id)) yield return genre;
        }
        if (grouping == StatisticsGrouping.Genre)
            foreach (var genre in Statistics.Genres) yield return genre;
        if (Statistics.Unassigned is not null) yield return Statistics.Unassigned;
    }
}
