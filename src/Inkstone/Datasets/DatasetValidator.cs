using Inkstone.Model;

namespace Inkstone.Datasets;

/// <summary>
/// Reads a dataset file to its end to check it: counts, problems and (optionally) a rejects file. Whatever else a
/// one-pass reader computes (statistics) it receives through <c>onAccepted</c>, so every verb reads, counts and
/// rejects alike.
/// </summary>
public static class DatasetValidator
{
    /// <param name="rejectsPath">When set, rejected records are written there as JSON Lines.</param>
    /// <param name="onProblem">Called for every problem as it is found (for example to print it).</param>
    /// <param name="onAccepted">Called for every accepted triplet, in file order.</param>
    public static async Task<DatasetValidationReport> ValidateAsync(
        string path,
        DatasetReadOptions options,
        string? rejectsPath = null,
        Action<DatasetProblem>? onProblem = null,
        Action<Triplet>? onAccepted = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var format = options.Format ?? await DatasetFormatDetector.DetectAsync(path, cancellationToken).ConfigureAwait(false);
        var summary = new DatasetReadSummary();
        var rejects = rejectsPath is null ? null : DatasetRejectsWriter.Create(rejectsPath);
        try
        {
            await foreach (var entry in DatasetReader.ReadAsync(path, options with { Format = format }, cancellationToken).ConfigureAwait(false))
            {
                summary.Add(entry);
                if (onAccepted is not null && entry.Triplet is { } triplet) onAccepted(triplet);
                if (onProblem is not null) foreach (var problem in entry.Problems) onProblem(problem);
                if (rejects is not null) await rejects.WriteAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (rejects is not null) await rejects.DisposeAsync().ConfigureAwait(false);
        }
        return new DatasetValidationReport(path, format, summary);
    }
}
