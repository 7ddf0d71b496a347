using Inkstone.Text.Distributions;

namespace Inkstone.Text.Diversity;

/// <summary>
/// Corpus-level diversity: each measure summarised over the texts where it is defined (mean, median, quartiles…),
/// with the number of texts where it is not (no counted tokens; for MTLD also texts whose tokens are all distinct).
/// </summary>
public sealed record DiversitySummary
{
    public required int Texts { get; init; }
    public required DistributionSummary? Tokens { get; init; }
    public required DistributionSummary? Ttr { get; init; }
    public required DistributionSummary? Mattr { get; init; }
    public required DistributionSummary? Mtld { get; init; }
    public required int TtrUndefined { get; init; }
    public required int MattrUndefined { get; init; }
    public required int MtldUndefined { get; init; }

    /// <summary>Summarises per-text results.</summary>
    public static DiversitySummary Of(IReadOnlyCollection<TextDiversity> texts) => new()
    {
        Texts = texts.Count,
        Tokens = DistributionSummary.Of(texts.Select(t => (double)t.Tokens)),
        Ttr = DistributionSummary.Of(texts.Where(t => t.Ttr.HasValue).Select(t => t.Ttr!.Value)),
        Mattr = DistributionSummary.Of(texts.Where(t => t.Mattr.HasValue).Select(t => t.Mattr!.Value)),
        Mtld = DistributionSummary.Of(texts.Where(t => t.Mtld.HasValue).Select(t => t.Mtld!.Value)),
        TtrUndefined = texts.Count(t => t.Ttr is null),
        MattrUndefined = texts.Count(t => t.Mattr is null),
        MtldUndefined = texts.Count(t => t.Mtld is null),
    };
}
