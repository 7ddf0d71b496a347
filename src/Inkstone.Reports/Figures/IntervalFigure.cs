namespace Inkstone.Reports.Figures;

/// <summary>
/// A forest plot: one row per category, top to bottom, a point at its estimate and a line across its interval;
/// optionally a dashed reference line (e.g. the anchor rating).
/// </summary>
public sealed record IntervalFigure : Figure
{
    public required IReadOnlyList<FigureInterval> Intervals { get; init; }

    /// <summary>How each estimate is written beside its point (a .NET format string).</summary>
    public string ValueFormat { get; init; } = "0.0";

    public double? ReferenceLine { get; init; }

    public string? ReferenceLabel { get; init; }

    public override IEnumerable<string> Labels() =>
        base.Labels().Concat(Intervals.Select(i => i.Category)).Concat(ReferenceLabel is null ? [] : [ReferenceLabel]);
}
