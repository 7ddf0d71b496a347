namespace Inkstone.Curation.Scoring;

/// <summary>
/// Why the model gave no scores: <see cref="Kind"/> is a <c>LlmFailureKind</c> name (<c>Transport</c>, <c>Timeout</c>,
/// <c>MalformedJson</c>, <c>OutOfRange</c>, …), <c>NoModel</c>, <c>InvalidInput</c> or <c>Unusable</c> (an answer
/// without all six scores in range); <see cref="Reason"/> is a sentence for the annotator.
/// </summary>
public sealed record TripletScoringFailure(string Kind, string Reason)
{
    public const string NoModel = "NoModel";
    public const string InvalidInput = "InvalidInput";
    public const string Unusable = "Unusable";

    public override string ToString() => $"{Kind}: {Reason}";
}
