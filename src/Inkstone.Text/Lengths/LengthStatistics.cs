using Inkstone.Text.Distributions;

namespace Inkstone.Text.Lengths;

/// <summary>
/// Corpus-level lengths and scripts: a distribution summary per length measure, script shares summarised over the
/// texts that have letters, and how many texts contain Chinese by <see cref="Scripts.ChineseContentRule"/>.
/// </summary>
public sealed record LengthStatistics
{
    public required int Texts { get; init; }
    public required DistributionSummary? CodePoints { get; init; }
    public required DistributionSummary? HanCharacters { get; init; }
    public required DistributionSummary? EnglishWords { get; init; }

    /// <summary>Null when no tokenizer was given.</summary>
    public required DistributionSummary? Tokens { get; init; }

    public required DistributionSummary? HanShare { get; init; }
    public required DistributionSummary? LatinShare { get; init; }
    public required DistributionSummary? OtherShare { get; init; }

    /// <summary>Texts without any letter (no script shares).</summary>
    public required int TextsWithoutLetters { get; init; }

    public required int ContainsChinese { get; init; }

    /// <summary><see cref="ContainsChinese"/> ÷ <see cref="Texts"/>; 0 for no texts.</summary>
    public double ContainsChineseShare => Texts == 0 ? 0 : (double)ContainsChinese / Texts;
}
