namespace Inkstone.Datasets;

/// <summary>
/// Detects a dataset file's format from its first bytes: the Parquet magic <c>PAR1</c>, else the first character
/// after an optional byte order mark and whitespace: '[' is a JSON array, '{' is JSON Lines. An empty or
/// undecidable file falls back to its extension (.json, .parquet; anything else is JSON Lines).
/// </summary>
public static class DatasetFormatDetector
{
    private const int ProbeBytes = 1 << 16;

    internal static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static async Task<DatasetFormat> DetectAsync(string path, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[ProbeBytes];
        int length;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            length = await stream.ReadAtLeastAsync(buffer, ProbeBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }
        return Detect(buffer.AsSpan(0, length), path);
    }

    /// <summary>
    /// Null when the file could be a dataset (Parquet magic, or '[' or '{' first, or empty); otherwise what it starts
    /// with, for a message saying the file is not a dataset (a CSV, a text, a UTF-16 file, a binary file).
    /// </summary>
    public static async Task<string?> DescribeUnrecognisedAsync(string path, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[ProbeBytes];
        int length;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            length = await stream.ReadAtLeastAsync(buffer, ProbeBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }
        var head = buffer.AsSpan(0, length);
        if (head.StartsWith("PAR1"u8)) return null;
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
            return "it is UTF-16 text (dataset files are UTF-8; convert it, e.g. with iconv)";
        if (head.StartsWith(Utf8ByteOrderMark)) head = head[3..];
        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0 || head[first] is (byte)'[' or (byte)'{') return null;
        var b = head[first];
        return b is >= 0x20 and < 0x7F
            ? $"it starts with '{(char)b}', not '[' (a JSON array) or '{{' (JSON Lines)"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"it starts with byte 0x{b:X2}, not '[' or '{{'");
    }

    public static DatasetFormat Detect(ReadOnlySpan<byte> head, string path)
    {
        if (head.StartsWith("PAR1"u8)) return DatasetFormat.Parquet;
        if (head.StartsWith(Utf8ByteOrderMark)) head = head[3..];
        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first >= 0)
        {
            if (head[first] == (byte)'[') return DatasetFormat.Json;
            if (head[first] == (byte)'{') return DatasetFormat.Jsonl;
        }
        return FromExtension(path) ?? DatasetFormat.Jsonl;
    }

    /// <summary>The format an extension names (.json, .jsonl, .ndjson, .parquet), or null.</summary>
    public static DatasetFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => DatasetFormat.Json,
        ".jsonl" or ".ndjson" => DatasetFormat.Jsonl,
        ".parquet" or ".pq" => DatasetFormat.Parquet,
        _ => null,
    };
}
