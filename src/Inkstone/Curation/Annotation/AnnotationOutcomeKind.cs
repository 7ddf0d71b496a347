namespace Inkstone.Curation.Annotation;

public enum AnnotationOutcomeKind
{
    /// <summary>The item is annotated now.</summary>
    Applied,

    /// <summary>The same annotation was applied before (a form or file sent twice); nothing changed.</summary>
    AlreadyApplied,

    /// <summary>No item with that id.</summary>
    NotFound,

    /// <summary>The item changed since the person loaded it; nothing was overwritten.</summary>
    Stale,

    /// <summary>A claim owner was given and the item is not claimed by it.</summary>
    NotClaimed,

    /// <summary>The item's state takes no annotation; the message says why and what would change that.</summary>
    NotAnnotatable,

    /// <summary>A field is missing or wrong; <see cref="AnnotationOutcome.Field"/> names it.</summary>
    Invalid,
}
