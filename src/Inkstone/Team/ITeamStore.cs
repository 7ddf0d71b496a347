using Inkstone.Curation;

namespace Inkstone.Team;

/// <summary>
/// The people of a workspace and their work in the web app: accounts, invitations, work in progress, the annotation
/// queue (claims with leases on curation items, as the pipeline takes them), guidelines, gold items and calibration.
/// Actions on an item go into the item's audit trail; actions on the team into <see cref="TeamEvent"/>s.
/// </summary>
public interface ITeamStore
{
    /// <summary>Adds a person; false when the id is taken.</summary>
    Task<bool> AddPersonAsync(Person person, string actor, CancellationToken cancellationToken = default);

    Task<Person?> GetPersonAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Person>> ListPeopleAsync(CancellationToken cancellationToken = default);

    /// <summary>Disables or enables an account (a new security stamp ends its sessions); false when there is no such person.</summary>
    Task<bool> SetDisabledAsync(string id, bool disabled, string actor, CancellationToken cancellationToken = default);

    Task<bool> SetRolesAsync(string id, IReadOnlySet<TeamRole> roles, string actor, CancellationToken cancellationToken = default);

    /// <summary>Sets the password hash and a new security stamp; false when there is no such person.</summary>
    Task<bool> SetPasswordHashAsync(string id, string passwordHash, string actor, CancellationToken cancellationToken = default);

    /// <summary>Stores an invitation for <paramref name="personId"/> by the hash of its token (the token itself is never stored).</summary>
    Task CreateInvitationAsync(string personId, string tokenHash, DateTimeOffset expiresAt, string actor, CancellationToken cancellationToken = default);

    Task<(InvitationStatus Status, string? PersonId)> CheckInvitationAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Uses the invitation once (atomically) and sets the person's password; a second use gets <see cref="InvitationStatus.Used"/>.</summary>
    Task<(InvitationStatus Status, string? PersonId)> RedeemInvitationAsync(string tokenHash, string passwordHash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TeamEvent>> ListEventsAsync(int limit, CancellationToken cancellationToken = default);

    Task<WorkDraft?> GetDraftAsync(string itemId, string personId, string kind, CancellationToken cancellationToken = default);

    /// <summary>Saves work in progress when <paramref name="expectedRevision"/> is the stored revision (0 for none yet).</summary>
    Task<DraftSaveResult> SaveDraftAsync(string itemId, string personId, string kind, string content, long expectedRevision, CancellationToken cancellationToken = default);

    Task DeleteDraftAsync(string itemId, string personId, string kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// The item the person should annotate now, claimed for them until now + <paramref name="lease"/>: the item they
    /// already hold; else an item sent back to revise that they annotated; else the first unclaimed ready or drafted
    /// item they have not skipped. Null when there is nothing to do.
    /// </summary>
    Task<string?> ClaimNextForAnnotationAsync(string personId, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Claims one item in one of <paramref name="states"/> for <paramref name="owner"/> when no one else holds it.</summary>
    Task<bool> ClaimItemAsync(string itemId, IReadOnlyCollection<CurationState> states, string owner, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Extends a claim the owner still holds; false when it was lost (expired and taken, or the item moved on).</summary>
    Task<bool> RenewClaimAsync(string itemId, string owner, TimeSpan lease, CancellationToken cancellationToken = default);

    Task<bool> ReleaseClaimAsync(string itemId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Records that the person skipped the item (it is not offered to them again), releases their claim and writes an audit event.</summary>
    Task SkipAsync(string itemId, string personId, string reason, CancellationToken cancellationToken = default);

    /// <summary>An audit event on an item that does not change its state (opened, skipped, saved a calibration answer).</summary>
    Task RecordItemActionAsync(string itemId, string personId, string action, string? detail, CancellationToken cancellationToken = default);

    Task<Guideline> PublishGuidelineAsync(string kind, string markdown, string actor, CancellationToken cancellationToken = default);

    /// <summary>The given version of a guideline, or the latest when <paramref name="version"/> is null.</summary>
    Task<Guideline?> GetGuidelineAsync(string kind, int? version = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Guideline>> ListGuidelinesAsync(string kind, CancellationToken cancellationToken = default);

    Task SetGoldAsync(GoldItem gold, CancellationToken cancellationToken = default);

    Task<bool> RemoveGoldAsync(string itemId, string actor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<GoldItem>> ListGoldAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a calibration answer; false when the person answered this gold item before (the first answer stands).</summary>
    Task<bool> RecordCalibrationAsync(CalibrationAnswer answer, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CalibrationAnswer>> ListCalibrationAsync(string? personId = null, CancellationToken cancellationToken = default);
}
