namespace Inkstone.Evaluation.Statistics;

/// <summary>The outcome of one pairwise comparison of answer A with answer B.</summary>
public enum Verdict
{
    /// <summary>A is preferred.</summary>
    A,

    /// <summary>B is preferred.</summary>
    B,

    /// <summary>Neither is preferred.</summary>
    Tie,
}
