using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Inkstone.Text.Lengths;

/// <summary>
/// Counts tokens with a Hugging Face byte-level BPE tokenizer (Qwen2, GPT-2 style), loaded from a folder holding
/// <c>tokenizer.json</c> or <c>vocab.json</c> + <c>merges.txt</c>, or from a <c>tokenizer.json</c> path.
/// Special tokens (added tokens) count as one token each; no BOS/EOS is added (Qwen2 adds none).
/// </summary>
public sealed class HuggingFaceBpeTokenCounter : ITokenCounter
{
    /// <summary>Qwen2's pre-tokenizer split pattern (used for vocab.json + merges.txt, which do not carry one).</summary>
    public const string Qwen2Pattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>GPT-2's pattern, used by a ByteLevel pre-tokenizer with <c>use_regex: true</c>.</summary>
    public const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    private readonly Tokenizer _tokenizer;

    private HuggingFaceBpeTokenCounter(Tokenizer tokenizer, string name)
    {
        _tokenizer = tokenizer;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The underlying tokenizer (ids, decoding).</summary>
    public Tokenizer Tokenizer => _tokenizer;

    public int CountTokens(string text) => _tokenizer.CountTokens(text);

    public IReadOnlyList<int> EncodeToIds(string text) => _tokenizer.EncodeToIds(text);

    /// <summary>Loads from a folder (tokenizer.json preferred, else vocab.json + merges.txt) or a tokenizer.json file.</summary>
    public static async Task<HuggingFaceBpeTokenCounter> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (File.Exists(path)) return await FromTokenizerJsonAsync(path, cancellationToken).ConfigureAwait(false);
        if (!Directory.Exists(path)) throw new FileNotFoundException($"tokenizer path not found: {path}", path);
        var json = Path.Combine(path, "tokenizer.json");
        if (File.Exists(json)) return await FromTokenizerJsonAsync(json, cancellationToken).ConfigureAwait(false);
        var vocab = Path.Combine(path, "vocab.json");
        var merges = Path.Combine(path, "merges.txt");
        if (File.Exists(vocab) && File.Exists(merges)) return await FromVocabAndMergesAsync(vocab, merges, cancellationToken).ConfigureAwait(false);
        throw new FileNotFoundException($"{path} holds neither tokenizer.json nor vocab.json + merges.txt");
    }

    /// <summary>
    /// Loads Qwen2-style vocab.json + merges.txt: Qwen2's split pattern, NFC normalization, and the special tokens
    /// of a <c>tokenizer_config.json</c> (<c>added_tokens_decoder</c>) beside them when there is one.
    /// </summary>
    public static async Task<HuggingFaceBpeTokenCounter> FromVocabAndMergesAsync(string vocabPath, string mergesPath, CancellationToken cancellationToken = default)
    {
        Dictionary<string, int> vocabulary;
        await using (var stream = File.OpenRead(vocabPath))
        {
            vocabulary = await JsonSerializer.DeserializeAsync<Dictionary<string, int>>(stream, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"{vocabPath}: expected a JSON object of token → id");
        }
        var merges = new List<string>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(mergesPath, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("#version", StringComparison.Ordinal))) continue;
            merges.Add(CheckMerge(line, $"{mergesPath}, line {lineNumber}"));
        }

        var specialTokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var config = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(vocabPath))!, "tokenizer_config.json");
        if (File.Exists(config))
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(config, cancellationToken).ConfigureAwait(false));
            if (document.RootElement.TryGetProperty("added_tokens_decoder", out var added) && added.ValueKind == JsonValueKind.Object)
                foreach (var entry in added.EnumerateObject())
                    if (int.TryParse(entry.Name, out var id) && entry.Value.TryGetProperty("content", out var content) && content.GetString() is { } text)
                        specialTokens[text] = id;
        }
        var tokenizer = Create(vocabulary, merges, Qwen2Pattern, NormalizationForm.FormC, specialTokens);
        return new HuggingFaceBpeTokenCounter(tokenizer, $"byte-level BPE ({Path.GetFileName(vocabPath)} + {Path.GetFileName(mergesPath)}, {vocabulary.Count} entries)");
    }

    /// <summary>Loads a Hugging Face <c>tokenizer.json</c> whose model is byte-level BPE.</summary>
    public static async Task<HuggingFaceBpeTokenCounter> FromTokenizerJsonAsync(string path, CancellationToken cancellationToken = default)
    {
        var spec = await TokenizerJsonSpec.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        var tokenizer = Create(spec.Vocabulary, spec.Merges, spec.SplitPattern, spec.Normalization, spec.SpecialTokens);
        return new HuggingFaceBpeTokenCounter(tokenizer, $"byte-level BPE ({Path.GetFileName(path)}, {spec.Vocabulary.Count} entries)");
    }

    internal static string CheckMerge(string merge, string where)
    {
        var space = merge.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space == merge.Length - 1 || merge.IndexOf(' ', space + 1) >= 0)
            throw new InvalidDataException($"{where}: a merge must be two symbols separated by one space, found '{merge}'");
        return merge;
    }

    private static BpeTokenizer Create(Dictionary<string, int> vocabulary, List<string> merges, string pattern, NormalizationForm? normalization,
        Dictionary<string, int> specialTokens)
    {
        var specials = specialTokens.Count == 0 ? null : specialTokens;
        foreach (var (token, id) in specialTokens) vocabulary.TryAdd(token, id);
        var options = new BpeOptions(vocabulary)
        {
            Merges = merges,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant), specials),
            Normalizer = normalization is { } form ? new UnicodeNormalizer(form) : null,
            SpecialTokens = specials,
        };
        return BpeTokenizer.Create(options);
    }
}
