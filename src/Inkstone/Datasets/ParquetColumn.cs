using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace Inkstone.Datasets;

/// <summary>The values of one flat column of one row group, written into a row's JSON by <see cref="ParquetRecordSource"/>.</summary>
internal abstract class ParquetColumn(string name)
{
    public string Name { get; } = name;

    public abstract bool IsNull(int row);

    public abstract void Write(Utf8JsonWriter writer, int row);

    public virtual string? GetString(int row) => null;

    public static bool IsSupported(DataField field) => !field.IsArray && (IsText(field) || s_structReaders.ContainsKey(field.ClrType));

    // Parquet.Net describes text columns of a file being read as ReadOnlyMemory<char>; both read as strings.
    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    public static async Task<ParquetColumn> ReadAsync(ParquetRowGroupReader rowGroup, DataField field, int rowCount, CancellationToken cancellationToken)
    {
        if (IsText(field))
        {
            var values = new string?[rowCount];
            await rowGroup.ReadAsync(field, values.AsMemory()!, null, cancellationToken).ConfigureAwait(false);
            return new StringColumn(field.Name, values);
        }
        return await s_structReaders[field.ClrType](rowGroup, field, rowCount, cancellationToken).ConfigureAwait(false);
    }

    private static readonly Dictionary<Type, Func<ParquetRowGroupReader, DataField, int, CancellationToken, Task<ParquetColumn>>> s_structReaders = new()
    {
        [typeof(bool)] = (g, f, n, ct) => ReadStructAsync<bool>(g, f, n, (w, v) => w.WriteBooleanValue(v), ct),
        [typeof(byte)] = (g, f, n, ct) => ReadStructAsync<byte>(g, f, n, (w, v) => w.WriteNumberValue(v), ct),
        [typeof(sbyte)] = (g, f, n, ct) => ReadStructAsync<sbyte>(g, f, n, (w, v) => w.WriteNumberValue(v), ct),
        [typeof(short)] = (g, f, n, ct) => ReadStructAsync<short>(g, f, n, (w, v) => w.WriteNumberValue(v), ct),
        [typeof(ushort)] = (g, f, n, ct) => ReadStructAsync<ushort>(g, f, n, (w, v) => w.WriteNumberValue(v), ct),
        [typeof(int)] = (g, f, n, ct) => ReadStructAsync<int>(g, f, n, (w, v) => w.WriteNumberValue(v), ct),
        [typeof(uint)] = (g, f, n, ct) => ReadStructAsync<uint>(g, f, n, (w, v) => w.WriteNumberValue(v), ct),
        [typeof(long)] = (g, f, n, ct) => ReadStructAsync<long>(g, f, n, (w, v) => w.WriteNumberValue(v), ct),
        [typeof(ulong)] = (g, f, n, ct) => ReadStructAsync<ulong>(g, f, n, (w, v) => w.WriteNumberValue(v), ct),
        [typeof(float)] = (g, f, n, ct) => ReadStructAsync<float>(g, f, n, (w, v) => WriteFloating(w, v), ct),
        [typeof(double)] = (g, f, n, ct) => ReadStructAsync<double>(g, f, n, WriteFloating, ct),
        [typeof(decimal)] = (g, f, n, ct) => ReadStructAsync<decimal>(g, f, n, (w, v) => w.WriteNumberValue(v), ct),
        [typeof(DateTime)] = (g, f, n, ct) => ReadStructAsync<DateTime>(g, f, n, (w, v) => w.WriteStringValue(v), ct),
        [typeof(DateOnly)] = (g, f, n, ct) => ReadStructAsync<DateOnly>(g, f, n, (w, v) => w.WriteStringValue(v.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), ct),
    };

    // JSON has no NaN or infinities; they are kept as strings rather than dropped.
    private static void WriteFloating(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<ParquetColumn> ReadStructAsync<T>(ParquetRowGroupReader rowGroup, DataField field, int rowCount, Action<Utf8JsonWriter, T> write, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[rowCount];
        if (field.IsNullable)
        {
            await rowGroup.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var raw = new T[rowCount];
            await rowGroup.ReadAsync<T>(field, raw.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rowCount; i++) values[i] = raw[i];
        }
        return new StructColumn<T>(field.Name, values, write);
    }

    private sealed class StringColumn(string name, string?[] values) : ParquetColumn(name)
    {
        public override bool IsNull(int row) => values[row] is null;
        public override void Write(Utf8JsonWriter writer, int row) => writer.WriteString(Name, values[row]);
        public override string? GetString(int row) => values[row];
    }

    private sealed class StructColumn<T>(string name, T?[] values, Action<Utf8JsonWriter, T> write) : ParquetColumn(name)
        where T : struct
    {
        public override bool IsNull(int row) => values[row] is null;

        public override void Write(Utf8JsonWriter writer, int row)
        {
            writer.WritePropertyName(Name);
            write(writer, values[row]!.Value);
        }
    }
}
