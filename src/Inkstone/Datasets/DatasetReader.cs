using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inkstone.Input;

namespace Inkstone.Datasets;

/// <summary>
/// Streams a dataset file (JSON array, JSON Lines or Parquet) record by record: every record comes out as an
/// accepted triplet or as a rejected record with its located problems, so nothing is dropped silently. Memory is
/// bounded by the largest record (JSON, JSONL) or row group (Parquet) plus the set of ids seen.
/// </summary>
public static partial class DatasetReader
{
    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public static async IAsyncEnumerable<DatasetEntry> ReadAsync(string path, DatasetReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var format = options.Format ?? await DatasetFormatDetector.DetectAsync(path, cancellationToken).ConfigureAwait(false);
        // An image or an archive is one input error, not a file of rejected records (Parquet is binary by design).
        if (format != DatasetFormat.Parquet) Input.TextFileHead.EnsureText(path, "a dataset file (JSON array, JSON Lines or Parquet)");
        var mapper = new TripletRecordMapper(options.Taxonomy, options.RequireGenre);
        var firstSeen = new Dictionary<string, long>(StringComparer.Ordinal);

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            IAsyncEnumerable<RecordSlice> source;
            if (format == DatasetFormat.Parquet)
            {
                source = ParquetRecordSource.ReadAsync(stream, path, cancellationToken);
            }
            else
            {
                var head = new byte[3];
                var headLength = await stream.ReadAtLeastAsync(head, 3, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var encodingProblem = CheckEncodingMark(head.AsSpan(0, headLength), path);
                if (encodingProblem is not null)
                {
                    yield return Emit(DatasetEntry.FileProblem(encodingProblem), options);
                    if (encodingProblem.Severity == DatasetProblemSeverity.Error) yield break;
                }
                else
                {
                    stream.Position = 0;
                }
                source = format == DatasetFormat.Json
                    ? JsonArrayRecordSource.ReadAsync(stream, path, 1, cancellationToken)
                    : JsonLinesRecordSource.ReadAsync(stream, 1, cancellationToken);
            }

            await foreach (var slice in source.ConfigureAwait(false))
            {
                if (slice.FileProblem is { } fileProblem)
                {
                    yield return Emit(DatasetEntry.FileProblem(fileProblem), options);
                    continue;
                }
                var entry = ParseRecord(slice, path, mapper);
                if (entry.IsAccepted && options.RejectDuplicateIds) entry = CheckDuplicate(entry, slice, path, firstSeen);
                yield return Emit(entry, options);
            }
        }
    }

    private static DatasetEntry Emit(DatasetEntry entry, DatasetReadOptions options)
    {
        if (options.Strict && entry.Problems.Count > 0) throw new DatasetFormatException(entry.Problems[0]);
        return entry;
    }

    private static DatasetProblem? CheckEncodingMark(ReadOnlySpan<byte> head, string path)
    {
        if (head.StartsWith(DatasetFormatDetector.Utf8ByteOrderMark))
        {
            return new DatasetProblem
            {
                File = path, Line = 1, Kind = DatasetProblemKind.ByteOrderMark, Severity = DatasetProblemSeverity.Warning,
                Message = "file starts with a UTF-8 byte order mark (EF BB BF); it was skipped and the file read as UTF-8",
            };
        }
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            return new DatasetProblem
            {
                File = path, Line = 1, Kind = DatasetProblemKind.ByteOrderMark,
                Message = "file starts with a UTF-16 byte order mark; dataset files must be UTF-8 (convert the file, e.g. with iconv)",
            };
        }
        return null;
    }

    private static DatasetEntry ParseRecord(RecordSlice slice, string path, TripletRecordMapper mapper)
    {
        var context = new RecordContext(path, slice.Line, slice.Row, slice.Bytes);
        var bytes = slice.Bytes.Span;
        var encoding = JsonRecordParser.Check(bytes);
        if (encoding is not null)
        {
            // The input policy: invalid UTF-8 and lone surrogate escapes reject the record, located to the byte.
            var (line, column) = Locate(bytes, encoding.ByteOffset, slice.Line ?? 1, slice.ColumnOffset);
            var kind = encoding.Kind == JsonInputProblemKind.InvalidUtf8 ? DatasetProblemKind.InvalidUtf8 : DatasetProblemKind.LoneSurrogate;
            context.Add(kind, encoding.Field, encoding.Message, line, column);
        }
        else if (slice.Unterminated)
        {
            context.Add(DatasetProblemKind.MalformedRecord, null, "end of file inside this record: the record and the array are not closed");
        }
        else
        {
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(slice.Bytes, s_documentOptions);
            }
            catch (JsonException) when (JsonRecordParser.FindDuplicateKey(bytes, s_documentOptions.MaxDepth) is { } duplicate)
            {
                var (line, column) = Locate(bytes, duplicate.ByteOffset, slice.Line ?? 1, slice.ColumnOffset);
                context.Add(DatasetProblemKind.DuplicateKey, duplicate.Field, duplicate.Message, line, column);
            }
            catch (JsonException ex)
            {
                var line = (slice.Line ?? 1) + (ex.LineNumber ?? 0);
                var column = ex.BytePositionInLine + 1 + (ex.LineNumber is null or 0 ? slice.ColumnOffset : 0);
                context.Add(DatasetProblemKind.MalformedRecord, null, "malformed JSON: " + CleanJsonMessage(ex.Message), line, column);
            }
            if (document is not null)
            {
                using (document)
                {
                    var triplet = mapper.Map(document.RootElement, context);
                    if (triplet is not null) return DatasetEntry.Accepted(triplet, slice.Line, slice.Row);
                }
            }
        }
        return DatasetEntry.Rejected(context.Problems, slice.Line, slice.Row);
    }

    private static DatasetEntry CheckDuplicate(DatasetEntry entry, RecordSlice slice, string path, Dictionary<string, long> firstSeen)
    {
        var id = entry.Triplet!.Id;
        var here = slice.Line ?? slice.Row ?? 0;
        if (firstSeen.TryAdd(id, here)) return entry;
        var unit = slice.Line is not null ? "line" : "row";
        var context = new RecordContext(path, slice.Line, slice.Row, slice.Bytes) { RecordId = id };
        context.Add(DatasetProblemKind.DuplicateId, DatasetFieldNames.Id,
            string.Create(CultureInfo.InvariantCulture, $"duplicate id '{id}': already used by the record at {unit} {firstSeen[id]}"));
        return DatasetEntry.Rejected(context.Problems, slice.Line, slice.Row);
    }

    /// <summary>Line and 1-based byte-in-line of <paramref name="offset"/> in a record starting at <paramref name="firstLine"/>.</summary>
    private static (long Line, long Column) Locate(ReadOnlySpan<byte> bytes, int offset, long firstLine, int columnOffset)
    {
        var before = bytes[..offset];
        var newlines = before.Count((byte)'\n');
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (firstLine + newlines, offset - lastNewline + (newlines == 0 ? columnOffset : 0));
    }

    /// <summary>System.Text.Json appends positions relative to the record; the problem carries file positions instead.</summary>
    private static string CleanJsonMessage(string message) => JsonPositionSuffix().Replace(message, "").Trim();

    [GeneratedRegex(@"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPositionSuffix();
}
