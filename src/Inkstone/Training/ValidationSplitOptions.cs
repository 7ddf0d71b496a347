namespace Inkstone.Training;

/// <summary>
/// Held-out share. Process data: per genre, a genre of n ≥ <see cref="MinGenreSize"/> drawn triplets gives
/// max(1, ⌊n·fraction⌋) to validation, a smaller genre gives none. General data: of the first k samples of the seeded
/// permutation, position i (0-based) is validation when ⌊(i+1)·fraction⌋ &gt; ⌊i·fraction⌋, i.e. ⌊k·fraction⌋ of them,
/// evenly spread, and the same ones in every configuration that draws at least i+1 samples.
/// </summary>
public sealed record ValidationSplitOptions
{
    public decimal Fraction { get; init; } = 0.05m;

    public int MinGenreSize { get; init; } = 10;

    /// <summary>How many of <paramref name="drawn"/> triplets of one genre are held out.</summary>
    public int ProcessValidationCount(int drawn)
    {
        // At least one triplet of the genre always stays in training.
        if (Fraction <= 0m || drawn < MinGenreSize || drawn < 2) return 0;
        var count = (int)decimal.Floor(drawn * Fraction);
        return Math.Clamp(count, 1, drawn - 1);
    }

    /// <summary>Whether position <paramref name="index"/> of the general permutation is a validation sample.</summary>
    public bool IsGeneralValidation(int index) =>
        Fraction > 0m && decimal.Floor((index + 1) * Fraction) > decimal.Floor(index * Fraction);
}
