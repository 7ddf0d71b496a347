namespace Inkstone.Reports.Figures;

/// <summary>
/// Counts per bin for one or more series drawn side by side; bins may have unequal widths (log-scale bins are
/// drawn as equal slots labelled with their bounds, so a log axis needs no bar of width zero).
/// </summary>
public sealed record HistogramFigure : Figure
{
    public required IReadOnlyList<HistogramBin> Bins { get; init; }

    /// <summary>One series per measured field; each has one bar per bin, in bin order.</summary>
    public required IReadOnlyList<FigureSeries> Series { get; init; }

    public override IEnumerable<string> Labels() =>
        base.Labels().Concat(Bins.Select(b => b.Label)).Concat(Series.Select(s => s.Name));
}
