using System.Text.Json;

namespace Inkstone.Input;

/// <summary>A parsed record (the caller disposes <see cref="Document"/>) or the reason it was rejected.</summary>
public readonly record struct JsonRecordParseResult(JsonDocument? Document, JsonInputProblem? Problem)
{
    public bool IsValid => Document is not null;
}
