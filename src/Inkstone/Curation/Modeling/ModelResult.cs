namespace Inkstone.Curation.Modeling;

/// <summary>A model answer or the diagnostic of a failed call; <see cref="PromptVersion"/> is recorded with either.</summary>
public sealed record ModelResult<T>(T? Value, string PromptVersion, string? Diagnostic)
{
    public bool Succeeded => Diagnostic is null && Value is not null;
}
