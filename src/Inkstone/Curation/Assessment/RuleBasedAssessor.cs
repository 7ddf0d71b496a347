using System.Runtime.CompilerServices;
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
        ArgumentNullException.ThrowIfNull(text);
        var (characters, garbled) = CountCharacters(text);
        foreach (var pattern in s_mojibake) garbled += Occurrences(text, pattern) * pattern.Length;

        // Lines are walked as spans; only lines of 10+ characters become dictionary keys.
        var lineCount = 0;
        var longest = 0;
        var lastLineLength = 0;
        var lineCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = lineCounts.GetAlternateLookup<ReadOnlySpan<char>>();
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            lineCount++;
            longest = Math.Max(longest, line.Length);
            lastLineLength = line.Length;
            if (line.Length >= 10)
                lookup[line] = lookup.TryGetValue(line, out var seen) ? seen + 1 : 1;
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }

        // Characters in the second and later copies of a line of 10+ characters.
        long repeated = 0;
        foreach (var (line, count) in lineCounts)
            if (count > 1) repeated += (long)line.Length * (count - 1);
        var markup = 0;
        foreach (var m in s_markup) markup += Occurrences(text, m);

        var distinct = DistinctShare(text.AsSpan(0, Math.Min(text.Length, DiversityWindow)));

        string? marker = null;
        var tail = text.Length <= 40 ? text : text[^40..];
        foreach (var m in s_continuationMarkers)
            if (tail.Contains(m, StringComparison.OrdinalIgnoreCase)) { marker = $"ends with '{m}'"; break; }
        if (marker is null && characters >= TruncationCheckMinimum && text.Length > 0 && lastLineLength >= TruncatedLastLineMinimum && !ClosingPunctuation.Contains(text[^1], StringComparison.Ordinal) && char.IsLetterOrDigit(text[^1]))
            marker = $"ends mid-sentence with '{text[^1]}'";

        return new RuleSignals
        {
            Characters = characters,
            Lines = lineCount,
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

    /// <summary>
    /// Code points, and the garbled ones among them: U+FFFD, private use (U+E000–U+F8FF, planes 15–16) and control
    /// characters (category Cc: U+0000–U+001F, U+007F–U+009F) other than line feed and tab.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a per-document hot loop: optimized from the first call
    private static (int Characters, int Garbled) CountCharacters(string text)
    {
        int characters = 0, garbled = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int v = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                v = char.ConvertToUtf32(text[i], text[++i]);
            else if (char.IsSurrogate(text[i]))
                v = 0xFFFD; // a lone surrogate reads as the replacement character
            characters++;
            if (v == 0xFFFD || (v >= 0xE000 && v <= 0xF8FF) || v >= 0xF0000 || ((v < 0x20 || (v >= 0x7F && v <= 0x9F)) && v != '\n' && v != '\t'))
                garbled++;
        }

        return (characters, garbled);
    }

    /// <summary>Distinct characters ÷ characters, white space not counted (UTF-16 code units, as the window is cut).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a per-document hot loop: optimized from the first call
    private static double DistinctShare(ReadOnlySpan<char> window)
    {
        Span<ulong> seen = stackalloc ulong[65536 / 64];
        seen.Clear();
        int total = 0, distinct = 0;
        foreach (var c in window)
        {
            if (char.IsWhiteSpace(c)) continue;
            total++;
            ref var word = ref seen[c >> 6];
            var bit = 1UL << (c & 63);
            if ((word & bit) != 0) continue;
            word |= bit;
            distinct++;
        }

        return total == 0 ? 0 : (double)distinct / total;
    }

    private static int Clamp(int value) => Math.Clamp(value, 1, 10);

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
