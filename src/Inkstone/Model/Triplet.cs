using System.Text.Json;

namespace Inkstone.Model;

/// <summary>
/// One sample of a process-supervised creative-writing dataset: a reverse-engineered prompt (<see cref="Query"/>),
/// the reasoning that leads from prompt to text (<see cref="Thought"/>) and the text itself (<see cref="Answer"/>).
/// </summary>
public sealed record Triplet
{
    public required string Id { get; init; }

    /// <summary>The reverse-engineered writing prompt ("reverse inspiration prompt").</summary>
    public required string Query { get; init; }

    /// <summary>The reasoning process from prompt to text.</summary>
    public required string Thought { get; init; }

    /// <summary>The article: the final text.</summary>
    public required string Answer { get; init; }

    /// <summary>Canonical genre id from the taxonomy, or null when the record names none.</summary>
    public string? GenreId { get; init; }

    public Provenance? Provenance { get; init; }

    public AssessmentScores? Scores { get; init; }

    public ReviewState ReviewState { get; init; } = ReviewState.Unreviewed;

    /// <summary>Metadata the record carried that Inkstone does not interpret; kept so that a round trip loses nothing.</summary>
    public IReadOnlyDictionary<string, JsonElement>? ExtraMetadata { get; init; }
}
