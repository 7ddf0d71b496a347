namespace Inkstone.Evaluation.Judgments;

/// <summary>Who gave a judgment.</summary>
public enum JudgeKind
{
    Human,
    Llm,
}
