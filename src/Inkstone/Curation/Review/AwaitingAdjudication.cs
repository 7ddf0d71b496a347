using Inkstone.Storage;

namespace Inkstone.Curation.Review;

/// <summary>An item in review whose round is complete with decisions that differ, and those decisions.</summary>
public sealed record AwaitingAdjudication(CurationItem Item, int Round, IReadOnlyList<ReviewAssignment> Decisions);
