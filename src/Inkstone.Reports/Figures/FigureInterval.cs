namespace Inkstone.Reports.Figures;

/// <summary>A point estimate with its interval (null ends: no interval) and the n behind it.</summary>
public sealed record FigureInterval(string Category, double Value, double? Low, double? High, long N);
