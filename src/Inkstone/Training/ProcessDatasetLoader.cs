using Inkstone.Datasets;
using Inkstone.Model;
using Inkstone.Taxonomy;

namespace Inkstone.Training;

/// <summary>
/// Loads the process dataset for a mix through the shared <see cref="DatasetReader"/> (JSON, JSONL or Parquet),
/// keeping the accepted triplets and every located problem of the records that were not accepted.
/// </summary>
public static class ProcessDatasetLoader
{
    public static async Task<ProcessDatasetReadResult> LoadAsync(string path, GenreTaxonomy taxonomy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        if (!File.Exists(path)) throw new TrainingDataException($"{path}: cannot open process dataset: file not found");
        var triplets = new List<Triplet>();
        var problems = new List<string>();
        var options = new DatasetReadOptions { Taxonomy = taxonomy };
        await foreach (var entry in DatasetReader.ReadAsync(path, options, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Triplet is { } triplet && entry.IsAccepted) triplets.Add(triplet);
            problems.AddRange(entry.Problems.Select(p => p.ToString()));
        }
        return new ProcessDatasetReadResult(triplets, problems);
    }
}
