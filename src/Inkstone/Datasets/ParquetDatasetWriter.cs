using System.Buffers;
using System.Text;
using System.Text.Json;
using Inkstone.Model;
using Parquet;
using Parquet.Schema;
using F = Inkstone.Datasets.DatasetFieldNames;

namespace Inkstone.Datasets;

/// <summary>
/// Writes triplets as Parquet: text columns <c>id</c>, <c>query</c>, <c>thought</c>, <c>answer</c>, <c>genre</c>,
/// the six score columns as nullable int32, and <c>metadata</c>, a JSON object with everything else.
/// A row group is flushed every <see cref="MaxRowsPerGroup"/> rows or <see cref="MaxCharsPerGroup"/> characters of text,
/// whichever comes first, which bounds memory on both sides.
/// </summary>
internal static class ParquetDatasetWriter
{
    public const int MaxRowsPerGroup = 10_000;
    public const long MaxCharsPerGroup = 32L << 20;

    private static readonly DataField s_id = new(F.Id, typeof(string), isNullable: false);
    private static readonly DataField s_query = new(F.Query, typeof(string), isNullable: false);
    private static readonly DataField s_thought = new(F.Thought, typeof(string), isNullable: false);
    private static readonly DataField s_answer = new(F.Answer, typeof(string), isNullable: false);
    private static readonly DataField s_genre = new(F.Genre, typeof(string), isNullable: true);
    private static readonly DataField[] s_scores = TripletJsonWriter.ScoreFields.Select(s => new DataField(s.Name, typeof(int), isNullable: true)).ToArray();
    private static readonly DataField s_metadata = new(F.Metadata, typeof(string), isNullable: true);

    public static ParquetSchema Schema { get; } = new([s_id, s_query, s_thought, s_answer, s_genre, .. s_scores, s_metadata]);

    public static async Task<long> WriteAsync(Stream stream, IAsyncEnumerable<Triplet> triplets, CancellationToken cancellationToken)
    {
        var writer = await ParquetWriter.CreateAsync(Schema, stream, null, false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var batch = new List<Triplet>();
            long chars = 0, count = 0;
            await foreach (var triplet in triplets.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(triplet);
                chars += triplet.Query.Length + triplet.Thought.Length + triplet.Answer.Length;
                count++;
                if (batch.Count >= MaxRowsPerGroup || chars >= MaxCharsPerGroup)
                {
                    await WriteRowGroupAsync(writer, batch, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                    chars = 0;
                }
            }
            if (batch.Count > 0 || count == 0) await WriteRowGroupAsync(writer, batch, cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    private static async Task WriteRowGroupAsync(ParquetWriter writer, List<Triplet> batch, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(s_id, batch.Select(t => t.Id).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(s_query, batch.Select(t => t.Query).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(s_thought, batch.Select(t => t.Thought).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(s_answer, batch.Select(t => t.Answer).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(s_genre, batch.Select(t => t.GenreId).ToArray()).ConfigureAwait(false);
        for (var i = 0; i < s_scores.Length; i++)
        {
            var dimension = TripletJsonWriter.ScoreFields[i].Dimension;
            var scores = batch.Select(t => t.Scores?[dimension]).ToArray();
            await group.WriteAsync<int>(s_scores[i], scores.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
        }
        await group.WriteAsync(s_metadata, batch.Select(MetadataJson).ToArray()).ConfigureAwait(false);
    }

    private static string? MetadataJson(Triplet triplet)
    {
        if (!TripletJsonWriter.HasMetadata(triplet, includeColumns: false)) return null;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DatasetWriter.JsonOptions))
        {
            writer.WriteStartObject();
            TripletJsonWriter.WriteMetadataBody(writer, triplet);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
