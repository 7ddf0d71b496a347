using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inkstone.Datasets;

/// <summary>
/// Writes rejected records as JSON Lines, one object per record: where it was, why it was rejected, and its raw
/// text, so that the rejects can be fixed and read again. The shape is documented in docs/dataset-format.md.
/// </summary>
public sealed class DatasetRejectsWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    private DatasetRejectsWriter(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, DatasetWriter.JsonOptions);
    }

    public long Count { get; private set; }

    public static DatasetRejectsWriter Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        return new DatasetRejectsWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.Asynchronous));
    }

    /// <summary>Writes the entry if it is a rejected record; other entries are ignored.</summary>
    public async Task WriteAsync(DatasetEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind != DatasetEntryKind.Rejected) return;
        var first = entry.Problems[0];
        var reject = new Reject(first.File, entry.Line, entry.Row, first.RecordId,
            [.. entry.Problems.Select(p => new RejectProblem(JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Kind.ToString()), p.Field, p.Message, p.Line, p.ByteInLine))],
            first.RawRecord);
        JsonSerializer.Serialize(_writer, reject, RejectsJsonContext.Default.Reject);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        _writer.Reset();
        _stream.Write("\n"u8);
        Count++;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    internal sealed record Reject(string File, long? Line, long? Row, string? RecordId, IReadOnlyList<RejectProblem> Problems, string? Raw);

    internal sealed record RejectProblem(string Kind, string? Field, string Message, long? Line, long? ByteInLine);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DatasetRejectsWriter.Reject))]
internal sealed partial class RejectsJsonContext : JsonSerializerContext;
