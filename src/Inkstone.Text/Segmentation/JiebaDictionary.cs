using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using System.Text;

namespace Inkstone.Text.Segmentation;

/// <summary>
/// jieba's word list with frequencies (Python jieba's <c>FREQ</c> and <c>total</c>), with the same loading and
/// editing semantics: a main dictionary in <c>dict.txt</c> format, user words added or deleted, user dictionary
/// files. Reads are thread-safe; edits must not run concurrently with cutting or with each other.
/// </summary>
public sealed partial class JiebaDictionary
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<JiebaDictionary> s_default = new(() =>
    {
        var dictionary = Load(DefaultDictionaryPath);
        dictionary.IsReadOnly = true;
        return dictionary;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PrefixTrie _trie;
    private readonly HashSet<string> _forceSplit = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _forceSplitLookup;
    private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);
    private long _total;

    private JiebaDictionary(PrefixTrie trie, long total)
    {
        _trie = trie;
        _forceSplitLookup = _forceSplit.GetAlternateLookup<ReadOnlySpan<char>>();
        SetTotal(total);
    }

    /// <summary>Folder holding jieba's data files (<c>dict.txt</c>, <c>prob_trans.json</c>, <c>prob_emit.json</c>) next to the application.</summary>
    public static string DefaultDataDirectory => Path.Combine(AppContext.BaseDirectory, "jieba");

    /// <summary>Path of jieba's main dictionary next to the application.</summary>
    public static string DefaultDictionaryPath => Path.Combine(DefaultDataDirectory, "dict.txt");

    /// <summary>jieba's main dictionary, shared and read-only (loaded once, on first use). Use <see cref="LoadDefault"/> for an editable copy.</summary>
    public static JiebaDictionary Default => s_default.Value;

    /// <summary>True for <see cref="Default"/>: edits throw.</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>Sum of all frequencies added so far (jieba's <c>total</c>; like jieba, re-adding a word adds again).</summary>
    public long Total => _total;

    /// <summary>Number of words and word prefixes in the table (jieba's <c>len(FREQ)</c>).</summary>
    public int Count => _trie.Count;

    /// <summary>Words whose HMM output is split into characters: every word ever given frequency 0 (jieba's <c>Force_Split_Words</c>).</summary>
    public IReadOnlyCollection<string> ForceSplitWords => _forceSplit;

    internal PrefixTrie Trie => _trie;

    internal double LogTotal { get; private set; }

    internal bool HasForceSplitWords => _forceSplit.Count > 0;

    /// <summary>A new, editable copy of jieba's main dictionary next to the application (a copy of <see cref="Default"/>).</summary>
    public static JiebaDictionary LoadDefault() => Default.Clone();

    /// <summary>An independent, editable copy of this dictionary: words, frequencies, total, tags and force-split words.</summary>
    public JiebaDictionary Clone()
    {
        var copy = new JiebaDictionary(_trie.Clone(), _total);
        copy._forceSplit.UnionWith(_forceSplit);
        foreach (var (word, tag) in _tags) copy._tags[word] = tag;
        return copy;
    }

    /// <summary>Loads a main dictionary in jieba's <c>dict.txt</c> format (<c>word freq [tag]</c>, one per line).</summary>
    public static JiebaDictionary Load(string path) => Parse(File.ReadAllBytes(path), path);

    /// <inheritdoc cref="Load(string)"/>
    public static async Task<JiebaDictionary> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), path);

    /// <summary>
    /// Parses a main dictionary as jieba's <c>gen_pfdict</c> does: each line is stripped of ASCII whitespace and split
    /// on single spaces; the first field is the word, the second its integer frequency (a later line for the same
    /// word replaces the frequency, but both count towards the total); the tag is ignored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // loaded once, cold: skip the unoptimized tier
    public static JiebaDictionary Parse(ReadOnlySpan<byte> utf8, string source)
    {
        var trie = new PrefixTrie(Math.Max(1024, utf8.Length / 8));
        long total = 0;
        // One vectorized decode of the whole file; a UTF-16 text is never longer than its UTF-8 bytes.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            if (Utf8.ToUtf16(utf8, chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
                throw new JiebaDictionaryFormatException(source, utf8[..read].Count((byte)'\n') + 1, "not valid UTF-8");
            ReadOnlySpan<char> rest = chars.AsSpan(0, written);
            var lineNumber = 0;
            while (!rest.IsEmpty)
            {
                lineNumber++;
                var end = rest.IndexOf('\n');
                var line = (end < 0 ? rest : rest[..end]).Trim(AsciiWhitespace);
                rest = end < 0 ? default : rest[(end + 1)..];
                var space = line.IndexOf(' ');
                if (space < 0)
                    throw new JiebaDictionaryFormatException(source, lineNumber, $"expected \"word frequency [tag]\", found \"{line}\"");
                var word = line[..space];
                var fields = line[(space + 1)..];
                var next = fields.IndexOf(' ');
                var frequency = ParseFrequency(next < 0 ? fields : fields[..next], source, lineNumber);
                if (frequency > long.MaxValue - total)
                    throw new JiebaDictionaryFormatException(source, lineNumber, "the sum of frequencies exceeds 2^63 - 1");
                trie.Set(word, frequency);
                total += frequency;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
        return new JiebaDictionary(trie, total);
    }

    /// <summary>jieba's <c>FREQ.get(word)</c>: the frequency of a word or prefix (0 for a prefix or a deleted word), or null.</summary>
    public long? GetFrequency(ReadOnlySpan<char> word)
    {
        var node = _trie.Find(word);
        return node == 0 ? null : _trie.Frequency(node);
    }

    /// <summary>True when <paramref name="word"/> has a positive frequency (it can be cut out as a word).</summary>
    public bool ContainsWord(ReadOnlySpan<char> word) => GetFrequency(word) > 0;

    /// <summary>The tag given to a user word, or null.</summary>
    public string? GetTag(string word) => _tags.GetValueOrDefault(word);

    internal bool IsForceSplit(ReadOnlySpan<char> word) => _forceSplitLookup.Contains(word);

    private void SetTotal(long total)
    {
        _total = total;
        // CPython's math.log of an int converts it to a double and calls the C library's log, as Math.Log does.
        LogTotal = Math.Log(total);
    }

    // Python's bytes.strip() removes exactly these.
    private const string AsciiWhitespace = " \t\n\r\v\f";

    private static ReadOnlySpan<char> DecodeStripped(ReadOnlySpan<byte> line, string source, int lineNumber, ref char[] buffer)
    {
        line = line.Trim(" \t\n\r\v\f"u8);
        if (buffer.Length < line.Length)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = ArrayPool<char>.Shared.Rent(line.Length);
        }
        try
        {
            var length = s_strictUtf8.GetChars(line, buffer);
            return buffer.AsSpan(0, length);
        }
        catch (DecoderFallbackException e)
        {
            throw new JiebaDictionaryFormatException(source, lineNumber, $"not valid UTF-8 ({e.Message})");
        }
    }

    private static SpanLines EnumerateLines(ReadOnlySpan<byte> utf8) => new(utf8);

    /// <summary>Lines as Python's binary file iteration yields them: split after each <c>\n</c>; no empty last line.</summary>
    private ref struct SpanLines(ReadOnlySpan<byte> rest)
    {
        private ReadOnlySpan<byte> _rest = rest;

        public ReadOnlySpan<byte> Current { get; private set; }

        public readonly SpanLines GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_rest.IsEmpty) return false;
            var end = _rest.IndexOf((byte)'\n');
            if (end < 0)
            {
                Current = _rest;
                _rest = default;
            }
            else
            {
                Current = _rest[..end];
                _rest = _rest[(end + 1)..];
            }
            return true;
        }
    }
}
