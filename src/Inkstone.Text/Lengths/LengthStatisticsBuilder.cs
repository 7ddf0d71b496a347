using Inkstone.Text.Distributions;
using Inkstone.Text.Scripts;

namespace Inkstone.Text.Lengths;

/// <summary>Accumulates per-text lengths and script verdicts (numbers only, not texts) into <see cref="LengthStatistics"/>.</summary>
public sealed class LengthStatisticsBuilder
{
    private readonly List<double> _codePoints = [], _han = [], _words = [], _tokens = [], _hanShare = [], _latinShare = [], _otherShare = [];
    private int _texts, _withoutLetters, _containsChinese;

    public void Add(TextLengths lengths, ChineseContentVerdict verdict)
    {
        _texts++;
        _codePoints.Add(lengths.CodePoints);
        _han.Add(lengths.HanCharacters);
        _words.Add(lengths.EnglishWords);
        if (lengths.Tokens is { } tokens) _tokens.Add(tokens);
        if (verdict.Profile.Letters == 0) _withoutLetters++;
        else
        {
            _hanShare.Add(verdict.Profile.HanShare);
            _latinShare.Add(verdict.Profile.LatinShare);
            _otherShare.Add(verdict.Profile.OtherShare);
        }
        if (verdict.ContainsChinese) _containsChinese++;
    }

    public LengthStatistics Build() => new()
    {
        Texts = _texts,
        CodePoints = DistributionSummary.Of(_codePoints),
        HanCharacters = DistributionSummary.Of(_han),
        EnglishWords = DistributionSummary.Of(_words),
        Tokens = DistributionSummary.Of(_tokens),
        HanShare = DistributionSummary.Of(_hanShare),
        LatinShare = DistributionSummary.Of(_latinShare),
        OtherShare = DistributionSummary.Of(_otherShare),
        TextsWithoutLetters = _withoutLetters,
        ContainsChinese = _containsChinese,
    };
}
