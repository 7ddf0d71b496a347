using Inkstone.Datasets;

namespace Inkstone.Statistics;

/// <summary>
/// Reads a dataset file once and computes its statistics, reporting problems and writing rejects as it goes (the
/// reading, counting and rejecting of <see cref="DatasetValidator"/>).
/// </summary>
public static class DatasetStatisticsService
{
    /// <param name="onProblem">Called for every problem as it is found (for example to print it).</param>
    /// <param name="rejectsPath">When set, rejected records are written there as JSON Lines.</param>
    public static async Task<DatasetStatisticsReport> ComputeAsync(
        string path,
        DatasetReadOptions readOptions,
        DatasetStatisticsOptions? statisticsOptions = null,
        string? rejectsPath = null,
        Action<DatasetProblem>? onProblem = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readOptions);
        var builder = new DatasetStatisticsBuilder(readOptions.Taxonomy);
        var read = await DatasetValidator.ValidateAsync(path, readOptions, rejectsPath, onProblem, builder.Add, cancellationToken).ConfigureAwait(false);
        return new DatasetStatisticsReport(path, read.Format, read.Summary, builder.Build(statisticsOptions));
    }
}
