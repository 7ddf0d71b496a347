namespace Inkstone.Training;

/// <summary>
/// One validated general-purpose sample: an optional system prompt and turns that alternate user/assistant,
/// starting with a user turn and ending with an assistant turn.
/// </summary>
public sealed record GeneralSample
{
    /// <summary>The file as the caller named it (kept as given so that exports do not depend on the machine).</summary>
    public required string SourceFile { get; init; }

    /// <summary>1-based line number in <see cref="SourceFile"/>.</summary>
    public required int Line { get; init; }

    public required GeneralDataFormat Format { get; init; }

    public string? System { get; init; }

    public required IReadOnlyList<ChatTurn> Turns { get; init; }

    /// <summary>Stable identifier: <c>general:{file}:{line}</c>.</summary>
    public string Id => $"general:{SourceFile}:{Line}";
}
