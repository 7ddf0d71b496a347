using Inkstone.Storage;

namespace Inkstone.Curation.Review;

/// <summary>What an assignment pass did: items sent to review, and items that could not be (too few eligible reviewers).</summary>
public sealed record ReviewAssignmentReport(long Assigned, IReadOnlyDictionary<string, long> AssignmentsPerReviewer, IReadOnlyList<IngestError> Problems);
