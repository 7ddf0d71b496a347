namespace Inkstone.Reports.Figures;

/// <summary>A named series of bars, one per category (or bin) of its figure, in the figure's order.</summary>
public sealed record FigureSeries(string Name, IReadOnlyList<FigureBar> Bars);
