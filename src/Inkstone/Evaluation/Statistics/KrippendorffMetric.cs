namespace Inkstone.Evaluation.Statistics;

/// <summary>The difference function of Krippendorff's α.</summary>
public enum KrippendorffMetric
{
    /// <summary>δ(c, k) = 0 if c = k, else 1 (verdicts a | b | tie).</summary>
    Nominal,

    /// <summary>δ(c, k) = (Σ_{g from c to k} n_g − (n_c + n_k)/2)² over the ordered values (0–3 scores).</summary>
    Ordinal,
}
