namespace Inkstone.Storage;

/// <summary>
/// A source record that could not be ingested (or was ingested with a problem), located to file, record and field.
/// A <see cref="IngestErrorSeverity.Warning"/> is a problem of a record that was stored as it is (an unknown genre kept
/// as written); errors and warnings are counted apart.
/// </summary>
public sealed record IngestError(SourceLocation Location, string? Field, string Message)
{
    public IngestErrorSeverity Severity { get; init; } = IngestErrorSeverity.Error;

    public override string ToString() =>
        (Severity == IngestErrorSeverity.Warning ? "warning: " : "") + (Field is null ? $"{Location}: {Message}" : $"{Location}: {Field}: {Message}");
}
