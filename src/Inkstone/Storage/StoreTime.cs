using System.Globalization;

namespace Inkstone.Storage;

/// <summary>
/// Times are stored as ISO-8601 text in both dialects: UTC with millisecond precision for system times (so they sort
/// as text), and with the original offset for publication times (the local date is what the date gate reads).
/// </summary>
public static class StoreTime
{
    public static string FormatUtc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string FormatWithOffset(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateTimeOffset? ParseNullable(object? value) => value is string s ? Parse(s) : null;
}
