namespace Inkstone.Reports.Figures;

/// <summary>A histogram bin [<see cref="Lower"/>, <see cref="UpperExclusive"/>) and its label.</summary>
public sealed record HistogramBin(long Lower, long UpperExclusive, string Label);
