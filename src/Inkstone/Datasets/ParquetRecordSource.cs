using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace Inkstone.Datasets;

/// <summary>
/// Reads a Parquet file one row group at a time and renders each row as the JSON record it stands for:
/// <c>id</c>, <c>query</c>, <c>thought</c>, <c>answer</c> (or their alternate names) at the top level, every other
/// column inside <c>metadata</c>, and a string column named <c>metadata</c> (a JSON object) merged into it.
/// The same mapping and checks as for JSON then apply, so all formats behave alike.
/// </summary>
internal static class ParquetRecordSource
{
    public static async IAsyncEnumerable<RecordSlice> ReadAsync(Stream stream, string file, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (reader, openProblem) = await OpenAsync(stream, file, cancellationToken).ConfigureAwait(false);
        if (reader is null)
        {
            yield return new RecordSlice(default, null, null, FileProblem: openProblem);
            yield break;
        }

        await using (reader.ConfigureAwait(false))
        {
            var fields = new List<DataField>();
            foreach (var field in reader.Schema.GetDataFields())
            {
                if (ParquetColumn.IsSupported(field) && field.Path.ToList().Count == 1) fields.Add(field);
                else yield return new RecordSlice(default, null, null, FileProblem: Problem(file, null, DatasetProblemSeverity.Warning,
                    $"column '{field.Path}' ({(field.IsArray ? "list of " : "")}{field.ClrType.Name}) is not supported and was ignored"));
            }

            var buffer = new ArrayBufferWriter<byte>(1 << 16);
            using var writer = new Utf8JsonWriter(buffer, DatasetWriter.JsonOptions);
            long row = 0;
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                var (columns, rowCount, groupProblem) = await ReadRowGroupAsync(reader, group, fields, file, row + 1, cancellationToken).ConfigureAwait(false);
                if (columns is null)
                {
                    yield return new RecordSlice(default, null, row + 1, FileProblem: groupProblem);
                    yield break;
                }
                for (var i = 0; i < rowCount; i++)
                {
                    row++;
                    buffer.Clear();
                    writer.Reset();
                    WriteRow(writer, columns, i);
                    writer.Flush();
                    yield return new RecordSlice(buffer.WrittenMemory, null, row);
                }
            }
        }
    }

    private static async Task<(ParquetReader? Reader, DatasetProblem? Problem)> OpenAsync(Stream stream, string file, CancellationToken cancellationToken)
    {
        try
        {
            return (await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, Problem(file, null, DatasetProblemSeverity.Error, "not a readable Parquet file: " + ex.Message));
        }
    }

    private static async Task<(ParquetColumn[]? Columns, int RowCount, DatasetProblem? Problem)> ReadRowGroupAsync(
        ParquetReader reader, int group, List<DataField> fields, string file, long firstRow, CancellationToken cancellationToken)
    {
        try
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var rowCount = checked((int)rowGroup.RowCount);
            var columns = new ParquetColumn[fields.Count];
            for (var i = 0; i < fields.Count; i++)
                columns[i] = await ParquetColumn.ReadAsync(rowGroup, fields[i], rowCount, cancellationToken).ConfigureAwait(false);
            return (columns, rowCount, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, 0, Problem(file, firstRow, DatasetProblemSeverity.Error,
                string.Create(CultureInfo.InvariantCulture, $"row group {group + 1} cannot be read: {ex.Message}")));
        }
    }

    private static void WriteRow(Utf8JsonWriter writer, ParquetColumn[] columns, int row)
    {
        writer.WriteStartObject();
        ParquetColumn? metadataColumn = null;
        foreach (var column in columns)
        {
            if (column.Name == DatasetFieldNames.Metadata) metadataColumn = column;
            else if (DatasetFieldNames.IsTopLevelTextField(column.Name) && !column.IsNull(row)) column.Write(writer, row);
        }

        JsonDocument? metadata = null;
        try
        {
            var metadataText = metadataColumn is not null && !metadataColumn.IsNull(row) ? metadataColumn.GetString(row) : null;
            if (metadataText is not null)
            {
                try
                {
                    metadata = JsonDocument.Parse(metadataText);
                }
                catch (JsonException)
                {
                    metadata = null;
                }
                if (metadata is null || metadata.RootElement.ValueKind != JsonValueKind.Object)
                {
                    // Not an object: keep the value as is so that the mapper reports field 'metadata'; the other columns stay at the top level.
                    writer.WriteString(DatasetFieldNames.Metadata, metadataText);
                    WriteOtherColumns(writer, columns, row);
                    writer.WriteEndObject();
                    return;
                }
            }

            var hasOther = columns.Any(c => IsMetadataColumn(c) && !c.IsNull(row));
            if (hasOther || metadata is not null)
            {
                writer.WriteStartObject(DatasetFieldNames.Metadata);
                WriteOtherColumns(writer, columns, row);
                if (metadata is not null)
                    foreach (var property in metadata.RootElement.EnumerateObject()) property.WriteTo(writer);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        finally
        {
            metadata?.Dispose();
        }
    }

    private static void WriteOtherColumns(Utf8JsonWriter writer, ParquetColumn[] columns, int row)
    {
        foreach (var column in columns)
            if (IsMetadataColumn(column) && !column.IsNull(row)) column.Write(writer, row);
    }

    private static bool IsMetadataColumn(ParquetColumn column) =>
        column.Name != DatasetFieldNames.Metadata && !DatasetFieldNames.IsTopLevelTextField(column.Name);

    private static DatasetProblem Problem(string file, long? row, DatasetProblemSeverity severity, string message) => new()
    {
        File = file,
        Row = row,
        Kind = DatasetProblemKind.UnreadableFile,
        Severity = severity,
        Message = message,
    };
}
