namespace Inkstone.Curation.Modeling;

/// <summary>A model answer or the diagnostic of a failed call; <see cref="PromptVersion"/> is recorded with either.</summary>
public sealed record ModelResult<T>(T? Value, string PromptVersion, string? Diagnostic)
{
    /// <summary>The model that answered, when it differs per call (models are chosen per role); null means the model's <c>ModelId</c>.</summary>
    public string? ModelId { get; init; }

    /// <summary>The failed call's kind and raw answer, when the failure came from a model call.</summary>
    public Llm.Structured.LlmFailure? Failure { get; init; }

    public bool Succeeded => Diagnostic is null && Value is not null;

    /// <summary>The same call with its value converted; a failure stays the same failure.</summary>
    public ModelResult<TOut> Map<TOut>(Func<T, TOut> convert)
    {
        ArgumentNullException.ThrowIfNull(convert);
        return Succeeded ? new ModelResult<TOut>(convert(Value!), PromptVersion, null) { ModelId = ModelId } : Fail<TOut>();
    }

    /// <summary>This call's failure as the failure of a step of another result type.</summary>
    public ModelResult<TOut> Fail<TOut>() => new(default, PromptVersion, Diagnostic ?? "no answer") { ModelId = ModelId, Failure = Failure };
}
