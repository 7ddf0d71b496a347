namespace Inkstone.Llm.Structured;

/// <summary>A recorded diagnostic for a failed call: what went wrong, in words, and the model's raw answer when there was one.</summary>
public sealed record LlmFailure(LlmFailureKind Kind, string Message, string? RawAnswer)
{
    public override string ToString() => $"{Kind}: {Message}";
}
