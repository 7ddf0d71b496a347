namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// A model's length-controlled win rate against the baseline (percent), the raw win rate on the same comparisons, and
/// the fitted GLM: logit P(model wins) = θ + φ·tanh(Δ/σ) + ψ·γ_q. A coefficient that was not fitted (its feature did not
/// vary) is reported as NaN.
/// </summary>
public sealed record LengthControlledResult(
    string Model,
    int Comparisons,
    double WinRate,
    double LengthControlledWinRate,
    double Theta,
    double LengthCoefficient,
    double DifficultyCoefficient,
    double LengthScale,
    bool Converged);
