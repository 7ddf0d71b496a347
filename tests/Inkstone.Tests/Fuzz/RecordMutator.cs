using System.Text;

namespace Inkstone.Tests.Fuzz;

/// <summary>
/// Applies a <see cref="RecordMutation"/> to one record's UTF-8 bytes without adding or removing a line break (and, in
/// CSV, a quote), so that the file still holds the same number of records and each can be counted.
/// </summary>
internal static class RecordMutator
{
    private static readonly byte[][] s_invalidUtf8 =
    [
        [0xFF], [0x80], [0xC0, 0x80], [0xE5, 0xAE], [0xF4, 0x90, 0x80, 0x80], [0xC3],
    ];

    /// <summary>Whether the policy says the mutated record must be rejected (by any reader, whatever else it checks).</summary>
    public static bool MustReject(RecordMutation mutation, RecordLayout layout) => mutation switch
    {
        RecordMutation.InvalidUtf8 or RecordMutation.LoneSurrogate => true,
        RecordMutation.DuplicateKey => layout != RecordLayout.Csv,
        _ => false,
    };

    /// <summary>Mutations that keep the brackets and quotes of a JSON array element balanced.</summary>
    public static bool KeepsStructure(RecordMutation mutation) => mutation is not (RecordMutation.Truncate or RecordMutation.FlipByte);

    public static byte[] Apply(string record, FuzzCase c, RecordLayout layout)
    {
        var bytes = Encoding.UTF8.GetBytes(record);
        var at = (int)(c.Position * bytes.Length);
        var csv = layout == RecordLayout.Csv;
        switch (c.Mutation)
        {
            case RecordMutation.Truncate:
                return bytes[..Math.Clamp(at, 1, bytes.Length - 1)];
            case RecordMutation.FlipByte:
                var flipped = (byte[])bytes.Clone();
                flipped[Math.Min(at, bytes.Length - 1)] = c.Byte is (byte)'\n' or (byte)'\r' || (csv && c.Byte == (byte)'"') ? (byte)'~' : c.Byte;
                return flipped;
            case RecordMutation.InvalidUtf8:
                return Insert(bytes, Math.Max(at, 1), s_invalidUtf8[c.InvalidKind % s_invalidUtf8.Length]);
            case RecordMutation.LoneSurrogate:
                // CSV has no escapes: a surrogate can only come as its UTF-8-like bytes, which are not valid UTF-8.
                return csv ? Insert(bytes, Math.Max(at, 1), [0xED, 0xA0, 0x80]) : Insert(bytes, InsideFirstString(bytes), "\\ud800"u8.ToArray());
            case RecordMutation.HugeField:
                var huge = Encoding.UTF8.GetBytes(new string('长', 70_000));
                return csv ? Insert(bytes, bytes.Length, huge) : Insert(bytes, InsideFirstString(bytes), huge);
            case RecordMutation.DeepNesting:
                if (csv) return bytes;
                var deep = "\"deep\":" + new string('[', c.Depth) + new string(']', c.Depth) + ",";
                return Insert(bytes, 1, Encoding.ASCII.GetBytes(deep));
            case RecordMutation.DuplicateKey:
                if (csv) return bytes;
                var key = record[2..record.IndexOf('"', 2)];
                return Insert(bytes, 1, Encoding.UTF8.GetBytes($"\"{key}\":null,"));
            default:
                return bytes;
        }
    }

    /// <summary>Just after the opening quote of the first string value (records are written compactly: <c>"key":"value"</c>).</summary>
    private static int InsideFirstString(byte[] bytes)
    {
        var value = bytes.AsSpan().IndexOf("\":\""u8);
        return value < 0 ? 1 : value + 3;
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];
}
