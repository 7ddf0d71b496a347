using System.Diagnostics.CodeAnalysis;

namespace Inkstone.Llm.Structured;

/// <summary>
/// The result of one model call: a validated value, or a failure with its diagnostic and raw answer. There is no third
/// case and no default value: a caller that gets a failure quarantines the item.
/// </summary>
public sealed record LlmOutcome<TResult> where TResult : class
{
    /// <summary>A success.</summary>
    public LlmOutcome(TResult value, LlmCallInfo call)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Call = call;
    }

    /// <summary>A failure.</summary>
    public LlmOutcome(LlmFailure failure, LlmCallInfo call)
    {
        Failure = failure ?? throw new ArgumentNullException(nameof(failure));
        Call = call;
    }

    public TResult? Value { get; }
    public LlmFailure? Failure { get; }
    public LlmCallInfo Call { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Value is not null;

    public override string ToString() => IsSuccess ? $"ok {Value}" : $"failed {Failure}";
}
