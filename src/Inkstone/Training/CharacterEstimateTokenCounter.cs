namespace Inkstone.Training;

/// <summary>
/// An ESTIMATE used when no tokenizer is given: one token per Han, kana or Hangul character or other symbol outside
/// ASCII, plus one per four ASCII characters (rounded up). Qwen-style BPE vocabularies merge many common Chinese
/// words, so for Chinese prose this tends to over-count; give a real tokenizer for the figures that matter.
/// </summary>
public sealed class CharacterEstimateTokenCounter : ITokenCounter
{
    public string Name => "estimate (1 per non-ASCII character + 1 per 4 ASCII characters)";

    public bool IsEstimate => true;

    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wide = 0;
        var ascii = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii) ascii++;
            else wide++;
        }

        return wide + ((ascii + 3) / 4);
    }
}
