namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Agreement of a judge with people: <see cref="WithTies"/> = agreeing (judge, person) verdict pairs ÷ all pairs on
/// comparisons both judged; <see cref="WithoutTies"/> = the same over pairs where neither verdict is a tie.
/// </summary>
public sealed record JudgeAgreementResult(int Pairs, int Agreeing, int DecisivePairs, int DecisiveAgreeing)
{
    public double WithTies => Pairs == 0 ? double.NaN : (double)Agreeing / Pairs;

    public double WithoutTies => DecisivePairs == 0 ? double.NaN : (double)DecisiveAgreeing / DecisivePairs;
}
