namespace Inkstone.Storage;

/// <summary>A decision to record against an open assignment.</summary>
public sealed record ReviewDecision(string ItemId, int Round, string Reviewer, ReviewDecisionKind Decision, string? ReasonCode, string? Comment);
