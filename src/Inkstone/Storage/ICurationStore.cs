using Inkstone.Curation;
using Inkstone.Curation.Dedup;

namespace Inkstone.Storage;

/// <summary>Curation items, their artifacts, audit trail, review assignments and ingest errors.</summary>
public interface ICurationStore
{
    /// <summary>
    /// Stores new items in one transaction; exact duplicates (same text hash) are stored as <c>rejected(duplicate)</c>.
    /// With <paramref name="nearDuplicates"/>, an item with a signature is compared, inside the same transaction, with the
    /// stored items sharing an LSH band key and stored as <c>rejected(near_duplicate)</c> when one matches; otherwise its
    /// band keys are stored with it. Ingest writers are serialized, so concurrent ingests see each other's items.
    /// </summary>
    Task<IReadOnlyList<InsertResult>> InsertItemsAsync(IReadOnlyList<NewCurationItem> items, Actor actor, string? runId = null, INearDuplicateIndex? nearDuplicates = null, CancellationToken cancellationToken = default);

    Task<CurationItem?> GetItemAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Items in <paramref name="state"/> (all when null) with id greater than <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<CurationItem>> ListItemsAsync(CurationState? state, string? afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Applies each transition that still matches (compare-and-swap) in one transaction; returns which applied.</summary>
    Task<IReadOnlyList<bool>> TransitionAsync(IReadOnlyList<StateTransition> transitions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="limit"/> unclaimed items in <paramref name="state"/> for <paramref name="owner"/> until
    /// now + <paramref name="lease"/> (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>). A transition clears the claim.
    /// </summary>
    Task<IReadOnlyList<CurationItem>> ClaimAsync(CurationState state, string owner, int limit, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Owners holding unexpired claims.</summary>
    Task<IReadOnlyList<string>> ListClaimOwnersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The runs at work: every run holding unexpired claims or having written a transition within <paramref name="window"/>,
    /// with its claims and those transitions (claim owners are <c>machine/pid/run:stage</c>, see CurationPipeline.OwnerFor).
    /// </summary>
    Task<IReadOnlyList<WorkerActivity>> ListWorkersAsync(TimeSpan window, CancellationToken cancellationToken = default);

    Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StateCount>> CountByStateAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest revision of each artifact kind of the item.</summary>
    Task<IReadOnlyDictionary<string, ItemArtifact>> GetArtifactsAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>The audit trail of one item, or of the workspace when <paramref name="itemId"/> is null, in order.</summary>
    IAsyncEnumerable<AuditEvent> ReadAuditAsync(string? itemId = null, CancellationToken cancellationToken = default);

    /// <summary>Near-duplicate signatures of items that are not themselves duplicates.</summary>
    IAsyncEnumerable<(string ItemId, byte[] Signature)> ReadSignaturesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReviewAssignment>> ListReviewsAsync(string? itemId = null, CancellationToken cancellationToken = default);

    Task<DecisionOutcome> RecordReviewDecisionAsync(ReviewDecision decision, CancellationToken cancellationToken = default);

    Task RecordIngestErrorsAsync(IReadOnlyList<IngestError> errors, string? runId = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IngestError>> ListIngestErrorsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Ingest problems recorded: of one severity, or all of them when <paramref name="severity"/> is null.</summary>
    Task<long> CountIngestErrorsAsync(IngestErrorSeverity? severity = null, CancellationToken cancellationToken = default);
}
