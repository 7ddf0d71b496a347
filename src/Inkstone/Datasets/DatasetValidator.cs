namespace Inkstone.Datasets;

/// <summary>Reads a dataset file to its end, only to check it: counts, problems and (optionally) a rejects file.</summary>
public static class DatasetValidator
{
    public static async Task<DatasetValidationReport> ValidateAsync(
        string path,
        DatasetReadOptions options,
        string? rejectsPath = null,
        Action<DatasetProblem>? onProblem = null,
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
