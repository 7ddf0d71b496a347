using System.Text.Encodings.Web;
using System.Text.Json;
using Inkstone.Model;

namespace Inkstone.Datasets;

/// <summary>
/// Writes triplets as JSON Lines, a JSON array (one record per line) or Parquet (row groups of at most
/// <see cref="ParquetDatasetWriter.MaxRowsPerGroup"/> rows). Output goes to a temporary file that replaces
/// <c>path</c> only when writing succeeded, so a failed export never leaves a half-written dataset behind.
/// </summary>
public static class DatasetWriter
{
    /// <summary>JSON written by Inkstone (datasets, rejects, statistics, training exports): Chinese and other text as is, not \u-escaped.</summary>
    internal static JsonWriterOptions JsonOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes all triplets and returns how many were written.</summary>
    public static async Task<long> WriteAsync(string path, IAsyncEnumerable<Triplet> triplets, DatasetFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(triplets);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long count;
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                count = await WriteAsync(stream, triplets, format, cancellationToken).ConfigureAwait(false);
            }
            File.Move(temporary, path, overwrite: true);
            return count;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static async Task<long> WriteAsync(Stream stream, IAsyncEnumerable<Triplet> triplets, DatasetFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(triplets);
        return format switch
        {
            DatasetFormat.Parquet => await ParquetDatasetWriter.WriteAsync(stream, triplets, cancellationToken).ConfigureAwait(false),
            DatasetFormat.Json => await WriteJsonAsync(stream, triplets, array: true, cancellationToken).ConfigureAwait(false),
            DatasetFormat.Jsonl => await WriteJsonAsync(stream, triplets, array: false, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    private static async Task<long> WriteJsonAsync(Stream stream, IAsyncEnumerable<Triplet> triplets, bool array, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(stream, JsonOptions);
        await using (writer.ConfigureAwait(false))
        {
            long count = 0;
            if (array) stream.Write("["u8);
            await foreach (var triplet in triplets.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (array) stream.Write(count == 0 ? "\n"u8 : ",\n"u8);
                TripletJsonWriter.Write(writer, triplet);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                writer.Reset();
                if (!array) stream.Write("\n"u8);
                count++;
            }
            if (array) stream.Write("\n]\n"u8);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }
}
