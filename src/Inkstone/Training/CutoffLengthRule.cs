using Inkstone.Text.Distributions;

namespace Inkstone.Training;

/// <summary>
/// Derives LLaMA-Factory's <c>cutoff_len</c> from sample lengths: the 99th percentile (numpy's default, linear
/// interpolation: <see cref="LinearQuantile"/>) of the token lengths of every distinct sample in the plan, rounded up to a multiple of
/// <see cref="Multiple"/>, at least one multiple and at most <see cref="Cap"/>. One value serves every configuration,
/// so that the runs compared in the paper's tables truncate alike.
/// </summary>
public sealed record CutoffLengthRule
{
    public double Percentile { get; init; } = 99;

    public int Multiple { get; init; } = 1024;

    public int Cap { get; init; } = 32_768;

    public int Apply(IReadOnlyList<int> lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (lengths.Count == 0) return Multiple;
        var sorted = lengths.Order().Select(l => (double)l).ToArray();
        var quantile = LinearQuantile.Of(sorted, Percentile / 100);
        var rounded = (long)Math.Ceiling(quantile / Multiple) * Multiple;
        return (int)Math.Clamp(rounded, Multiple, Cap);
    }
}
