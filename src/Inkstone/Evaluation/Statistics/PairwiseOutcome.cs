namespace Inkstone.Evaluation.Statistics;

/// <summary>One pairwise verdict as the statistics see it: which query, which two models, who judged, and the result.</summary>
public sealed record PairwiseOutcome(string QueryId, string ModelA, string ModelB, string Judge, Verdict Verdict)
{
    /// <summary>The verdict seen from <paramref name="model"/> (which must be A or B): A means <paramref name="model"/> won.</summary>
    public Verdict From(string model)
    {
        if (model == ModelA) return Verdict;
        if (model != ModelB) throw new ArgumentException($"model '{model}' is not part of this comparison ({ModelA} vs {ModelB})", nameof(model));
        return Verdict switch { Verdict.A => Verdict.B, Verdict.B => Verdict.A, _ => Verdict.Tie };
    }
}
