using System.Text.RegularExpressions;

namespace Inkstone.Text.Segmentation;

public sealed partial class JiebaDictionary
{
    /// <summary>
    /// Adds (or re-weights) a word as jieba's <c>add_word</c> does: without a frequency, the one
    /// <see cref="SuggestFrequency(string, bool)"/> gives; the frequency is added to <see cref="Total"/>; frequency 0
    /// deletes the word and makes the HMM split it into characters from then on.
    /// </summary>
    /// <returns>The frequency given to the word.</returns>
    public long AddWord(string word, long? frequency = null, string? tag = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        ThrowIfReadOnly();
        var value = frequency ?? SuggestFrequency(word);
        ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(frequency));
        if (value > long.MaxValue - _total) throw new ArgumentOutOfRangeException(nameof(frequency), value, "the total frequency would exceed 2^63 - 1");
        _trie.Set(word, value);
        SetTotal(_total + value);
        if (!string.IsNullOrEmpty(tag)) _tags[word] = tag;
        if (value == 0) _forceSplit.Add(word);
        return value;
    }

    /// <summary>Deletes a word (jieba's <c>del_word</c>: <c>add_word(word, 0)</c>).</summary>
    public void DeleteWord(string word) => AddWord(word, 0);

    /// <summary>
    /// jieba's <c>suggest_freq(word)</c>: the smallest frequency that makes the dictionary route keep
    /// <paramref name="word"/> whole (at least its current frequency); with <paramref name="tune"/>, also adds it.
    /// </summary>
    public long SuggestFrequency(string word, bool tune = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        var ftotal = (double)_total;
        var product = 1.0;
        var ranges = new List<TokenRange>();
        JiebaCutter.CutPrecise(this, null, word, ranges);
        foreach (var range in ranges)
            product *= (GetFrequency(word.AsSpan(range.Start, range.Length)) ?? 1) / ftotal;
        var frequency = Math.Max((long)(product * _total) + 1, GetFrequency(word) ?? 1);
        if (tune) AddWord(word, frequency);
        return frequency;
    }

    /// <summary>
    /// jieba's <c>suggest_freq(segments)</c>: the largest frequency (at most the current one) of the joined word
    /// that lets the route cut it into <paramref name="segments"/>; with <paramref name="tune"/>, also sets it.
    /// </summary>
    public long SuggestFrequency(IReadOnlyList<string> segments, bool tune = false)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var ftotal = (double)_total;
        var word = string.Concat(segments);
        ArgumentException.ThrowIfNullOrEmpty(word, nameof(segments));
        var product = 1.0;
        foreach (var segment in segments)
            product *= (GetFrequency(segment) ?? 1) / ftotal;
        var frequency = Math.Min((long)(product * _total), GetFrequency(word) ?? 0);
        if (tune) AddWord(word, frequency);
        return frequency;
    }

    /// <summary>Loads a user dictionary file (see <see cref="AddUserDictionary"/>).</summary>
    public async Task LoadUserDictionaryAsync(string path, CancellationToken cancellationToken = default) =>
        AddUserDictionary(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), path);

    /// <summary>
    /// Adds the words of a user dictionary as jieba's <c>load_userdict</c> does: one entry per line,
    /// <c>word [frequency] [tag]</c>, where the word may contain spaces, the frequency is ASCII digits and the tag
    /// lower-case ASCII letters (<c>^(.+?)( [0-9]+)?( [a-z]+)?$</c>); blank lines and byte-order marks are skipped; a
    /// word without frequency gets the suggested one. Lines are applied in order; the first bad line stops the load.
    /// </summary>
    public void AddUserDictionary(ReadOnlySpan<byte> utf8, string source)
    {
        ThrowIfReadOnly();
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(256);
        try
        {
            var lineNumber = 0;
            foreach (var rawLine in EnumerateLines(utf8))
            {
                lineNumber++;
                var line = DecodeStripped(rawLine, source, lineNumber, ref buffer).TrimStart('\uFEFF');
                if (line.IsEmpty) continue;
                var match = UserDictionaryLine().Match(line.ToString());
                var word = match.Groups[1].Value;
                long? frequency = match.Groups[2].Success ? ParseFrequency(match.Groups[2].ValueSpan.Trim(' '), source, lineNumber) : null;
                var tag = match.Groups[3].Success ? match.Groups[3].Value.Trim(' ') : null;
                try
                {
                    AddWord(word, frequency, tag);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    throw new JiebaDictionaryFormatException(source, lineNumber, e.Message);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    [GeneratedRegex("^(.+?)( [0-9]+)?( [a-z]+)?$")]
    private static partial Regex UserDictionaryLine();

    /// <summary>Python's <c>int(text)</c> for the forms dictionaries use: surrounding whitespace, a sign, ASCII digits with single underscores between them.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long ParseFrequency(ReadOnlySpan<char> text, string source, int lineNumber)
    {
        var trimmed = text;
        while (!trimmed.IsEmpty && JiebaCharacterClasses.IsPythonWhitespace(trimmed[0])) trimmed = trimmed[1..];
        while (!trimmed.IsEmpty && JiebaCharacterClasses.IsPythonWhitespace(trimmed[^1])) trimmed = trimmed[..^1];
        var negative = false;
        if (!trimmed.IsEmpty && trimmed[0] is '+' or '-')
        {
            negative = trimmed[0] == '-';
            trimmed = trimmed[1..];
        }
        long value = 0;
        var valid = !trimmed.IsEmpty && char.IsAsciiDigit(trimmed[0]) && char.IsAsciiDigit(trimmed[^1]);
        for (var i = 0; valid && i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '_' && char.IsAsciiDigit(trimmed[i - 1]) && char.IsAsciiDigit(trimmed[i + 1])) continue;
            if (!char.IsAsciiDigit(c)) { valid = false; break; }
            if (value > (long.MaxValue - (c - '0')) / 10)
                throw new JiebaDictionaryFormatException(source, lineNumber, $"frequency \"{text}\" exceeds 2^63 - 1");
            value = value * 10 + (c - '0');
        }
        if (!valid) throw new JiebaDictionaryFormatException(source, lineNumber, $"frequency \"{text}\" is not an integer");
        if (negative && value != 0) throw new JiebaDictionaryFormatException(source, lineNumber, $"frequency \"{text}\" is negative");
        return value;
    }

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly) throw new InvalidOperationException("The shared default dictionary is read-only; edit a copy from JiebaDictionary.LoadDefault().");
    }
}
