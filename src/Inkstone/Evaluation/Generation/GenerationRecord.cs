namespace Inkstone.Evaluation.Generation;

/// <summary>
/// One answer of a model configuration to a query (sample n of that pair). <see cref="Reasoning"/> holds the text the
/// model emitted inside &lt;think&gt;…&lt;/think&gt; (or returned as reasoning content), split off the answer. A failed call
/// keeps its <see cref="Error"/> and no answer; it is retried on the next run.
/// </summary>
public sealed record GenerationRecord(
    string QueryId,
    string Model,
    int Sample,
    string? Answer,
    string? Reasoning,
    long? InputTokens,
    long? OutputTokens,
    double DurationMs,
    string? FinishReason,
    string? Error,
    DateTimeOffset CreatedAt)
{
    public bool Succeeded => Error is null && Answer is not null;
}
