namespace Inkstone.Curation.Assessment;

/// <summary>
/// Thresholds of the initial assessment (the <c>assessment</c> section; docs/curation.md § Initial assessment): the
/// rule-based rejections, and the gate on the model's five scores when a model is configured.
/// </summary>
public sealed record RuleAssessmentOptions
{
    /// <summary>Shorter texts (code points) are rejected as incomplete. Low by default: classical quatrains have 20 characters.</summary>
    public int MinCharacters { get; init; } = 20;

    /// <summary>Reject when the share of garbled characters (U+FFFD, mojibake, private use, stray controls) exceeds this.</summary>
    public double MaxGarbledShare { get; init; } = 0.005;

    /// <summary>Reject when the share of characters in repeated lines exceeds this.</summary>
    public double MaxRepeatedShare { get; init; } = 0.3;

    /// <summary>Reject texts that look cut off (a continuation marker, or no closing punctuation after a long text).</summary>
    public bool RejectTruncated { get; init; } = true;

    /// <summary>With a model: reject when any of its five scores (1–10) is below this.</summary>
    public int ModelMinEach { get; init; } = 5;

    /// <summary>With a model: reject when the mean of its five scores is below this.</summary>
    public double ModelMinMean { get; init; } = 6.0;
}
