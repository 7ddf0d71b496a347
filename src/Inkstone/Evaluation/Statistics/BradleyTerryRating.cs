namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// One model's Bradley–Terry rating on the Elo-like scale 400·log10(strength) (shifted by the anchor): a difference
/// of 400 points means 10 : 1 odds of winning. <see cref="Lower"/> and <see cref="Upper"/> are bootstrap percentile
/// bounds (NaN without bootstrap).
/// </summary>
public sealed record BradleyTerryRating(string Model, double Rating, double Strength, double Lower, double Upper);
