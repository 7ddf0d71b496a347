namespace Inkstone.Evaluation.Analysis;

/// <summary>The four reasoning behaviours of the paper's appendix C, assigned to each segment of a model's output.</summary>
public enum ReasoningBehavior
{
    /// <summary>Writes the text itself (normal_writing).</summary>
    NormalWriting,

    /// <summary>Analyses the task, plans structure or argues about choices (deep_reasoning).</summary>
    DeepReasoning,

    /// <summary>Tries alternatives, brainstorms, explores possibilities (self_exploration).</summary>
    SelfExploration,

    /// <summary>Checks, critiques or revises what was written or planned (self_reflection).</summary>
    SelfReflection,
}
