using Inkstone.Curation.Scoring;
using Inkstone.Storage;

namespace Inkstone.Curation.Review;

/// <summary>
/// What one reviewer sees of one assignment: the triplet, its scores, their own decision, and the other reviewers'
/// assignments only once they have decided themselves (review is blind until then).
/// </summary>
public sealed record ReviewerAssignmentView
{
    public required CurationItem Item { get; init; }
    public required int Round { get; init; }
    public string? Query { get; init; }
    public string? Thought { get; init; }

    /// <summary>The article: the item's text.</summary>
    public string Answer => Item.Text;

    public ScoreSheet? Scores { get; init; }

    /// <summary>This reviewer's assignment, with their decision once made.</summary>
    public required ReviewAssignment Own { get; init; }

    /// <summary>The round's other assignments (decided or not); empty while <see cref="Own"/> has no decision.</summary>
    public required IReadOnlyList<ReviewAssignment> Others { get; init; }

    /// <summary>True while the item is in review and this reviewer has not decided.</summary>
    public bool IsOpen => Item.State == Curation.CurationState.InReview && Own.Decision is null;
}
