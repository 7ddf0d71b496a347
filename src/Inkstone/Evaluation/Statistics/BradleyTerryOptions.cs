namespace Inkstone.Evaluation.Statistics;

/// <summary>Settings of a Bradley–Terry fit and its bootstrap.</summary>
public sealed record BradleyTerryOptions
{
    /// <summary>Model whose rating is fixed at <see cref="AnchorRating"/>; null centres the ratings on their mean instead.</summary>
    public string? Anchor { get; init; }

    public double AnchorRating { get; init; } = 1000;

    /// <summary>Bootstrap resamples of queries (0 = no intervals).</summary>
    public int Resamples { get; init; } = 1000;

    public int Seed { get; init; } = 20251001;

    public double ConfidenceLevel { get; init; } = 0.95;

    public double Tolerance { get; init; } = 1e-10;

    public int MaxIterations { get; init; } = 100_000;
}
