namespace Inkstone.Statistics;

/// <summary>Length statistics of one text field: in code points, and in Han characters.</summary>
public sealed record FieldLengths(LengthSummary CodePoints, LengthSummary Han);
