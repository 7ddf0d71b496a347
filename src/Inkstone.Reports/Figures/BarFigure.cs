namespace Inkstone.Reports.Figures;

/// <summary>
/// Bars per category, one or more series side by side; optionally a dashed reference line (the ≥ 15 per genre rule).
/// With <see cref="Horizontal"/> the categories run down the vertical axis (long lists, long labels).
/// </summary>
public sealed record BarFigure : Figure
{
    public required IReadOnlyList<FigureSeries> Series { get; init; }

    public bool Horizontal { get; init; }

    /// <summary>Value of a reference line drawn across the bars, or null.</summary>
    public double? ReferenceLine { get; init; }

    public string? ReferenceLabel { get; init; }

    /// <summary>How each bar's number is written next to it (a .NET format string, e.g. "N0" or "0.0").</summary>
    public string ValueFormat { get; init; } = "N0";

    public IReadOnlyList<string> Categories => Series.Count == 0 ? [] : [.. Series[0].Bars.Select(b => b.Category)];

    public override IEnumerable<string> Labels() =>
        base.Labels().Concat(Categories).Concat(Series.Select(s => s.Name))
            .Concat(ReferenceLabel is null ? [] : [ReferenceLabel]);
}
