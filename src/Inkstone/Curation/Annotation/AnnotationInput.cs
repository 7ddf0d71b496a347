namespace Inkstone.Curation.Annotation;

/// <summary>One person's reverse engineering of one item (paper §2.2): the prompt and the reasoning behind its text.
/// </summary>
public sealed record AnnotationInput
{
    public required string ItemId { get; init; }

    /// <summary>The person's id, recorded as the actor and in the annotation artifact.</summary>
    public required string Annotator { get; init; }

    public required string? Query { get; init; }
    public required string? Thought { get; init; }

    /// <summary>True when query and thought are the LLM draft taken as is (recorded, so that drafts can be told apart).
    /// </summary>
    public bool FromDraft { get; init; }

    /// <summary>Sets the item's genre when not null.</summary>
    public string? Genre { get; init; }

    /// <summary>Sets whether review needs specialised cultural or stylistic knowledge, when not null.</summary>
    public bool? Specialised { get; init; }

    /// <summary>The item version the person loaded; when it no longer matches, nothing is written (Stale).</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>When set, the item must be claimed by this owner (outcome NotClaimed otherwise).</summary>
    public string? ClaimOwner { get; init; }

    public string? RunId { get; init; }
}
