namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// MinHash + LSH settings. With b bands of r rows (b·r = permutations), two documents of Jaccard similarity s
/// become candidates with probability 1 − (1 − sʳ)ᵇ; the defaults (16 × 8) put the 50 % point at s ≈ 0.67
/// and catch s = 0.8 with probability ≈ 0.95, s = 0.9 with ≈ 0.9999.
/// </summary>
public sealed record MinHashOptions
{
    /// <summary>Shingle length in code points (after normalisation).</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>Number of hash permutations (signature length).</summary>
    public int Permutations { get; init; } = 128;

    /// <summary>Number of LSH bands; must divide <see cref="Permutations"/>.</summary>
    public int Bands { get; init; } = 16;

    /// <summary>Seed of the permutations: the same seed gives the same signatures on every machine.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Pairs are reported when their estimated Jaccard similarity is at least this.</summary>
    public double Threshold { get; init; } = 0.8;

    public int RowsPerBand => Permutations / Bands;

    public void Validate()
    {
        if (ShingleSize < 1) throw new ArgumentOutOfRangeException(nameof(ShingleSize), ShingleSize, "must be at least 1");
        if (Permutations < 1) throw new ArgumentOutOfRangeException(nameof(Permutations), Permutations, "must be at least 1");
        if (Bands < 1 || Permutations % Bands != 0)
            throw new ArgumentOutOfRangeException(nameof(Bands), Bands, $"must be at least 1 and divide the number of permutations ({Permutations})");
        if (Threshold is < 0 or > 1 || double.IsNaN(Threshold)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "must be between 0 and 1");
    }
}
