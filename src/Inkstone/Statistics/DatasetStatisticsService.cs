using Inkstone.Datasets;

namespace Inkstone.Statistics;

/// <summary>Reads a dataset file once and computes its statistics, reporting problems and writing rejects as it goes.</summary>
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
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(readOptions);
        var format = readOptions.Format ?? await DatasetFormatDetector.DetectAsync(path, cancellationToken).ConfigureAwait(false);
        var builder = new DatasetStatisticsBuilder(readOptions.Taxonomy);
        var summary = new DatasetReadSummary();
        var rejects = rejectsPath is null ? null : DatasetRejectsWriter.Create(rejectsPath);
        try
        {
            await foreach (var entry in DatasetReader.ReadAsync(path, readOptions with { Format = format }, cancellationToken).ConfigureAwait(false))
            {
                summary.Add(entry);
                if (entry.Triplet is { } triplet) builder.Add(triplet);
                if (onProblem is not null) foreach (var problem in entry.Problems) onProblem(problem);
                if (rejects is not null) await rejects.WriteAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (rejects is not null) await rejects.DisposeAsync().ConfigureAwait(false);
        }
        return new DatasetStatisticsReport(path, format, summary, builder.Build(statisticsOptions));
    }
}
