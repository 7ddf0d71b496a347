namespace Inkstone.Statistics;

/// <summary>Minimum, arithmetic mean and maximum of a set of lengths; all zero when <see cref="Count"/> is zero.</summary>
public sealed record LengthSummary(long Count, long Min, double Mean, long Max)
{
    public static LengthSummary Empty { get; } = new(0, 0, 0, 0);
}
