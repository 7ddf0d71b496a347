using System.Text.Json;
using Inkstone.Model;

namespace Inkstone.Curation.Items;

/// <summary>
/// Everything stored about one item (<c>inkstone items show</c>): its text and provenance, the latest revision of each
/// artifact (analyses, drafts, annotation, scores), its review assignments and its whole audit trail.
/// </summary>
public sealed record ItemDetail
{
    public required string Id { get; init; }
    public required string State { get; init; }
    public string? ReasonCode { get; init; }
    public string? Reason { get; init; }

    /// <summary>For a quarantined item: the stage that failed and the state a retry returns to.</summary>
    public string? QuarantinedIn { get; init; }

    public string? ReturnState { get; init; }
    public string? Title { get; init; }
    public string? Genre { get; init; }
    public required string Text { get; init; }
    public required int CharCount { get; init; }
    public required string SourceFile { get; init; }
    public required string SourceRecord { get; init; }
    public Provenance? Provenance { get; init; }
    public bool NeedsSpecialist { get; init; }
    public int ReviewRound { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required IReadOnlyList<Artifact> Artifacts { get; init; }
    public required IReadOnlyList<Review> Reviews { get; init; }
    public required IReadOnlyList<AuditEntry> Audit { get; init; }

    /// <summary>The latest revision of one artifact kind; <see cref="Content"/> is the stored JSON.</summary>
    public sealed record Artifact(string Kind, long Revision, string Actor, DateTimeOffset CreatedAt, JsonElement Content);

    public sealed record Review(int Round, string Reviewer, DateTimeOffset AssignedAt, string? Decision, string? ReasonCode, string? Comment, DateTimeOffset? DecidedAt);

    /// <summary>One state change: <see cref="From"/> is null for the event that created the item.</summary>
    public sealed record AuditEntry(DateTimeOffset At, string Actor, string? From, string To, string? ReasonCode, string? Reason, string? RunId);
}
