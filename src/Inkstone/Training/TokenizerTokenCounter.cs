using Microsoft.ML.Tokenizers;
using System.Text.RegularExpressions;

namespace Inkstone.Training;

/// <summary>Counts tokens with a <see cref="Microsoft.ML.Tokenizers.Tokenizer"/> (special tokens in the text are not treated specially).</summary>
public sealed class TokenizerTokenCounter : ITokenCounter
{
    // The Qwen2 pre-tokenizer split (as published in the model's tokenizer.json): contractions, letter runs with one
    // optional leading non-letter, single digits, punctuation runs, and whitespace.
    private const string Qwen2PreTokenizerPattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private readonly Tokenizer _tokenizer;

    public TokenizerTokenCounter(Tokenizer tokenizer, string name)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        Name = name ?? throw new ArgumentNullException(nameof(name));
    }

    public string Name { get; }

    public bool IsEstimate => false;

    /// <summary>A Qwen2-style byte-level BPE from a <c>vocab.json</c> and a <c>merges.txt</c>.</summary>
    public static TokenizerTokenCounter LoadByteLevelBpe(string vocabPath, string mergesPath)
    {
        try
        {
            var options = new BpeOptions(vocabPath, mergesPath)
            {
                ByteLevel = true,
                PreTokenizer = new RegexPreTokenizer(new Regex(Qwen2PreTokenizerPattern, RegexOptions.Compiled | RegexOptions.CultureInvariant), specialTokens: null),
            };
            return new TokenizerTokenCounter(BpeTokenizer.Create(options), $"byte-level BPE ({Path.GetFileName(vocabPath)} + {Path.GetFileName(mergesPath)})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            throw new TrainingDataException($"cannot load tokenizer from {vocabPath} and {mergesPath}: {ex.Message}", ex);
        }
    }

    public int CountTokens(string text) => _tokenizer.CountTokens(text);
}
