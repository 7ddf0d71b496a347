using System.Globalization;
using System.Text;
using Inkstone.Model;

namespace Inkstone.Curation.Assessment;

/// <summary>
/// Model-free initial assessment on the five dimensions of paper §2.1, from cheap signals: length, truncation,
/// repeated lines, garbled characters, leftover markup and character diversity. The band formulas and the rejection
/// thresholds are documented in docs/curation.md; this is a filter for the obviously broken, not a quality judgement.
/// </summary>
public sealed class RuleBasedAssessor(RuleAssessmentOptions options)
{
    public const string Version = "rules-v1";
    private const int DiversityWindow = 1000;
    private const int TruncationCheckMinimum = 200;

    // A short unpunctuated last line is a signature, date, address, opening hours or verse line, not a cut-off sentence.
    private const int TruncatedLastLineMinimum = 25;
    private static readonly string[] s_continuationMarkers = ["未完待续", "（未完）", "(未完)", "待续", "未完，", "to be continued"];
    private static readonly string[] s_mojibake = ["锟斤拷", "烫烫烫", "屯屯屯", "Ã", "â€", "ï¼", "ã€"];
    private static readonly string[] s_markup = ["<p", "<div", "<br", "<span", "</", "&nbsp;", "&amp;", "&lt;", "&gt;", "[url", "[img", "](http"];
    private const string ClosingPunctuation = "。！？…”’」』）》】.!?\"')~～—*#";

    public RuleAssessment Assess(string text, Engagement? engagement)
    {
        ArgumentNullException.ThrowIfNull(text);
        var signals = Measure(text);
        var rejections = new List<string>();
        if (signals.Characters < options.MinCharacters) rejections.Add($"too short: {signals.Characters} < {options.MinCharacters} characters");
        if (options.RejectTruncated && signals.Truncated) rejections.Add($"truncated ({signals.TruncationMarker})");
        if (signals.GarbledShare > options.MaxGarbledShare)
            rejections.Add($"garbled characters: {signals.GarbledShare.ToString("P2", CultureInfo.InvariantCulture)} > {options.MaxGarbledShare.ToString("P2", CultureInfo.InvariantCulture)}");
        if (signals.RepeatedShare > options.MaxRepeatedShare)
            rejections.Add($"repetition: {signals.RepeatedShare.ToString("P1", CultureInfo.InvariantCulture)} of characters in repeated lines > {options.MaxRepeatedShare.ToString("P1", CultureInfo.InvariantCulture)}");
        return new RuleAssessment(signals, Score(signals, options), rejections, EngagementPrior(engagement));
    }

    /// <summary>ln(1 + likes) + ln(1 + shares) + ln(1 + comments), unknown counts as 0.</summary>
    public static double EngagementPrior(Engagement? engagement) =>
        engagement is null ? 0 : Math.Log(1 + (engagement.Likes ?? 0)) + Math.Log(1 + (engagement.Shares ?? 0)) + Math.Log(1 + (engagement.Comments ?? 0));

    public static RuleSignals Measure(string text)
    {
        var characters = 0;
        var garbled = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            characters++;
            var v = rune.Value;
            if (v == 0xFFFD || (v >= 0xE000 && v <= 0xF8FF) || (v >= 0xF0000) || (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control && v != '\n' && v != '\t'))
                garbled++;
        }

        foreach (var pattern in s_mojibake) garbled += Occurrences(text, pattern) * pattern.Length;

        var lines = text.Split('\n');
        var longest = 0;
        var lineCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            longest = Math.Max(longest, line.Length);
            if (line.Length >= 10) lineCounts[line] = lineCounts.GetValueOrDefault(line) + 1;
        }

        // Characters in the second and later copies of a line of 10+ characters.
        var repeated = lineCounts.Where(p => p.Value > 1).Sum(p => (long)p.Key.Length * (p.Value - 1));
        var markup = s_markup.Sum(m => Occurrences(text, m));

        var window = text.Length <= DiversityWindow ? text : text[..DiversityWindow];
        var nonSpace = window.Where(c => !char.IsWhiteSpace(c)).ToArray();
        var distinct = nonSpace.Length == 0 ? 0 : (double)nonSpace.Distinct().Count() / nonSpace.Length;

        string? marker = null;
        var tail = text.Length <= 40 ? text : text[^40..];
        foreach (var m in s_continuationMarkers)
            if (tail.Contains(m, StringComparison.OrdinalIgnoreCase)) { marker = $"ends with '{m}'"; break; }
        if (marker is null && characters >= TruncationCheckMinimum && text.Length > 0 && lines[^1].Length >= TruncatedLastLineMinimum && !ClosingPunctuation.Contains(text[^1], StringComparison.Ordinal) && char.IsLetterOrDigit(text[^1]))
            marker = $"ends mid-sentence with '{text[^1]}'";

        return new RuleSignals
        {
            Characters = characters,
            Lines = lines.Length,
            LongestLine = longest,
            Truncated = marker is not null,
            TruncationMarker = marker,
            RepeatedShare = text.Length == 0 ? 0 : (double)repeated / text.Length,
            GarbledShare = characters == 0 ? 0 : Math.Min(1, (double)garbled / characters),
            MarkupPer1000 = characters == 0 ? 0 : markup * 1000.0 / characters,
            DistinctCharacterShare = distinct,
        };
    }

    /// <summary>Band formulas (1–10), documented in docs/curation.md.</summary>
    public static FiveDimensionScores Score(RuleSignals s, RuleAssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(options);
        var completeness = s.Characters < options.MinCharacters ? 1 : s.Truncated ? 3 : s.Characters < 200 ? 7 : 10;
        var format = Clamp(10 - (int)Math.Round(s.MarkupPer1000) - (s.LongestLine > 3000 ? 2 : 0));
        var errors = Clamp(10 - (int)Math.Round(s.GarbledShare * 2000));
        var logic = Clamp(10 - (int)Math.Round(s.RepeatedShare * 20));
        var creativity = Clamp((int)Math.Round(s.DistinctCharacterShare * 20));
        return new FiveDimensionScores(completeness, format, errors, logic, creativity);
    }

    private static int Clamp(int value) => Math.Clamp(value, 1, 10);

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
