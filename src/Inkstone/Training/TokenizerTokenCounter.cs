using Inkstone.Text.Lengths;

namespace Inkstone.Training;

/// <summary>
/// Real token counts for training statistics from a Hugging Face byte-level BPE tokenizer, loaded by
/// <see cref="HuggingFaceBpeTokenCounter"/> — the same loader, inputs and counting rules as <c>text lengths --tokenizer</c>.
/// </summary>
public sealed class TokenizerTokenCounter : ITokenCounter
{
    private readonly Text.Lengths.ITokenCounter _counter;

    public TokenizerTokenCounter(Text.Lengths.ITokenCounter counter) => _counter = counter ?? throw new ArgumentNullException(nameof(counter));

    public string Name => _counter.Name;

    public bool IsEstimate => false;

    public int CountTokens(string text) => _counter.CountTokens(text);

    /// <summary>
    /// Loads from a folder holding <c>tokenizer.json</c> or <c>vocab.json</c> + <c>merges.txt</c>, or from a
    /// <c>tokenizer.json</c> file (see <see cref="HuggingFaceBpeTokenCounter.LoadAsync"/>).
    /// </summary>
    /// <exception cref="TrainingDataException">The tokenizer cannot be read; the message names the path.</exception>
    public static async Task<TokenizerTokenCounter> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return new TokenizerTokenCounter(await HuggingFaceBpeTokenCounter.LoadAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new TrainingDataException($"cannot load tokenizer from {path}: {ex.Message}", ex);
        }
    }
}
