namespace Inkstone.Llm.Structured;

/// <summary>Why a model call gave no usable result. Every kind sends the item to quarantine with the raw answer kept.</summary>
public enum LlmFailureKind
{
    /// <summary>The server kept failing (429, 5xx, network) after all retries, or refused the request (4xx).</summary>
    Transport,

    /// <summary>Every attempt ran past its time limit.</summary>
    Timeout,

    /// <summary>The backend itself failed (embedded runtime error).</summary>
    Backend,

    /// <summary>The answer was empty.</summary>
    EmptyAnswer,

    /// <summary>The answer stopped at the output-token limit before a complete result.</summary>
    Truncated,

    /// <summary>No JSON object could be found or parsed in the answer.</summary>
    MalformedJson,

    /// <summary>JSON was found but fields are missing or of the wrong type.</summary>
    SchemaMismatch,

    /// <summary>Fields are present but outside their allowed range or set.</summary>
    OutOfRange,
}
