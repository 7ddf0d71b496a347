namespace Inkstone.Reports.Figures;

/// <summary>
/// One cell of a heat map: the row against the column, its value (a proportion in [0, 1]), the n behind it and a mark
/// (significance stars) written after the value.
/// </summary>
public sealed record HeatMapCell(string Row, string Column, double Value, long N, string Mark);
