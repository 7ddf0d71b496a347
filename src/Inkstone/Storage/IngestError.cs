namespace Inkstone.Storage;

/// <summary>A source record that could not be ingested (or was ingested with a problem), located to file, record and field.</summary>
public sealed record IngestError(SourceLocation Location, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{Location}: {Message}" : $"{Location}: {Field}: {Message}";
}
