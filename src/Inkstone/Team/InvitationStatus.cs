namespace Inkstone.Team;

/// <summary>What an invitation link is worth when opened.</summary>
public enum InvitationStatus
{
    Valid,
    Unknown,
    Used,
    Expired,
    AccountDisabled,
}
