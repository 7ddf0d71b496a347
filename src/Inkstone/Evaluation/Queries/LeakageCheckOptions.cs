namespace Inkstone.Evaluation.Queries;

/// <summary>Thresholds of the leakage check; a pair is reported when either threshold is reached.</summary>
public sealed record LeakageCheckOptions
{
    /// <summary>Character shingle length after normalisation.</summary>
    public int ShingleLength { get; init; } = 5;

    public double JaccardThreshold { get; init; } = 0.5;

    public double ContainmentThreshold { get; init; } = 0.8;
}
