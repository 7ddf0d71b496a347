namespace Inkstone.Reports.Figures;

/// <summary>
/// A matrix of cells coloured by value (a proportion, drawn as a percentage) on a diverging scale around
/// <see cref="Midpoint"/>; each cell is labelled with its value, mark and n. Cells not listed are left blank (the
/// diagonal, pairs never compared).
/// </summary>
public sealed record HeatMapFigure : Figure
{
    public required IReadOnlyList<string> Rows { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    public required IReadOnlyList<HeatMapCell> Cells { get; init; }

    /// <summary>The value drawn white; lower values shade to blue, higher to vermilion.</summary>
    public double Midpoint { get; init; } = 0.5;

    public override IEnumerable<string> Labels() => base.Labels().Concat(Rows).Concat(Columns);
}
