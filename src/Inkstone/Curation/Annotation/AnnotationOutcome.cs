namespace Inkstone.Curation.Annotation;

/// <summary>What became of one annotation submission; <see cref="Message"/> is written for its sender.</summary>
public sealed record AnnotationOutcome(AnnotationOutcomeKind Kind, string? Field = null, string? Message = null)
{
    /// <summary>The item's version after the change, when applied.</summary>
    public long? Version { get; init; }

    public bool Succeeded => Kind is AnnotationOutcomeKind.Applied or AnnotationOutcomeKind.AlreadyApplied;
}
