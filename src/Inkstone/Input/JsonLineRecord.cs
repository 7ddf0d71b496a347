using System.Text.Json;

namespace Inkstone.Input;

/// <summary>One non-blank line of a JSON Lines file: its parsed document (the caller disposes it) or why it was rejected.</summary>
public sealed record JsonLineRecord(int Line, JsonDocument? Document, JsonInputProblem? Problem) : IDisposable
{
    /// <summary>"invalid JSON: …", "invalid UTF-8 … at byte 3", …: the problem as one message for a diagnostic.</summary>
    public string? ProblemMessage => Problem is null ? null
        : Problem.Kind == JsonInputProblemKind.MalformedJson ? "invalid JSON: " + Problem.Message["malformed JSON: ".Length..]
        : $"{Problem.Message} at byte {Problem.ByteOffset + 1}";

    public void Dispose() => Document?.Dispose();
}
