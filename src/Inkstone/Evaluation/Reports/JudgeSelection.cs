namespace Inkstone.Evaluation.Reports;

/// <summary>Which verdicts feed the win-rate matrices, Bradley–Terry and length-controlled win rates.</summary>
public enum JudgeSelection
{
    /// <summary>Human verdicts (pairwise and implied by rankings).</summary>
    Human,

    /// <summary>LLM-judge verdicts (after position-swap combination).</summary>
    Llm,

    /// <summary>Both.</summary>
    All,
}
