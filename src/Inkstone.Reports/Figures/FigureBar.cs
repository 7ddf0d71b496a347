namespace Inkstone.Reports.Figures;

/// <summary>One bar: its category label, the value drawn (its height) and the number of records behind it.</summary>
public sealed record FigureBar(string Category, double Value, long N);
