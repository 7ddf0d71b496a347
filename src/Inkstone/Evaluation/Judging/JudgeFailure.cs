using Inkstone.Llm.Structured;

namespace Inkstone.Evaluation.Judging;

/// <summary>How a judge's failed call is written into a run's "not judged" list: the kind, the diagnostic and the start of the raw answer.</summary>
internal static class JudgeFailure
{
    private const int RawAnswerShown = 200;

    public static string Describe(LlmFailure failure)
    {
        if (string.IsNullOrEmpty(failure.RawAnswer)) return failure.ToString();
        var raw = failure.RawAnswer.Length > RawAnswerShown ? failure.RawAnswer[..RawAnswerShown] + "…" : failure.RawAnswer;
        return $"{failure} (answer: {raw.ReplaceLineEndings(" ")})";
    }
}
