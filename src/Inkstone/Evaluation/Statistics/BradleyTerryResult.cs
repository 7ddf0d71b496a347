namespace Inkstone.Evaluation.Statistics;

/// <summary>Ratings of all models, with how the bootstrap went (resamples whose comparisons admit no finite fit are counted, not hidden).</summary>
public sealed record BradleyTerryResult(
    IReadOnlyList<BradleyTerryRating> Ratings,
    int Iterations,
    int Resamples,
    int DegenerateResamples)
{
    /// <summary>Predicted probability that <paramref name="a"/> beats <paramref name="b"/>.</summary>
    public double WinProbability(string a, string b)
    {
        var ra = Ratings.First(r => r.Model == a).Rating;
        var rb = Ratings.First(r => r.Model == b).Rating;
        return 1 / (1 + Math.Pow(10, (rb - ra) / 400));
    }
}
