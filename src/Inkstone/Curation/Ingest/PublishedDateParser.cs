using System.Globalization;
using System.Text.RegularExpressions;

namespace Inkstone.Curation.Ingest;

/// <summary>
/// Parses publication dates as sources write them: ISO 8601 dates and date-times (with or without offset; none means
/// UTC+8, the platforms' home zone), <c>yyyy/MM/dd</c>, <c>yyyy.MM.dd</c>, <c>yyyy年M月d日</c> (with optional time),
/// and Unix seconds. Impossible dates (month 13, 30 February, years before 1900 or in the future) are errors.
/// </summary>
public static partial class PublishedDateParser
{
    private static readonly TimeSpan s_defaultOffset = TimeSpan.FromHours(8);

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?秒?)?$")]
    private static partial Regex LooseDate();

    public static bool TryParse(string raw, DateTimeOffset now, out DateTimeOffset value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(raw);
        value = default;
        error = null;
        var text = raw.Trim();
        if (text.Length is >= 9 and <= 10 && text.All(char.IsAsciiDigit) && long.TryParse(text, CultureInfo.InvariantCulture, out var seconds))
        {
            value = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(s_defaultOffset);
            return Check(raw, now, ref value, out error);
        }

        if (text.Contains('T', StringComparison.Ordinal) || (text.Length > 10 && (text.Contains('+', StringComparison.Ordinal) || text.EndsWith('Z'))))
        {
            var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                value = hasOffset ? parsed : new DateTimeOffset(parsed.DateTime, s_defaultOffset);
                return Check(raw, now, ref value, out error);
            }
        }

        var match = LooseDate().Match(text);
        if (!match.Success)
        {
            error = $"'{raw}' is not a date (expected e.g. 2023-05-06, 2023-05-06T08:00:00+08:00, 2023年5月6日)";
            return false;
        }

        int G(int i) => match.Groups[i].Success ? int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
        int year = G(1), month = G(2), day = G(3), hour = G(4), minute = G(5), second = G(6);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 23 || minute > 59 || second > 59)
        {
            error = $"'{raw}' is an impossible date";
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, s_defaultOffset);
        return Check(raw, now, ref value, out error);
    }

    private static bool Check(string raw, DateTimeOffset now, ref DateTimeOffset value, out string? error)
    {
        error = null;
        if (value.Year < 1900) error = $"'{raw}' is before 1900";
        else if (value > now.AddDays(1)) error = $"'{raw}' is in the future";
        return error is null;
    }
}
