namespace Inkstone.Team;

/// <summary>A person's answer on a gold item during calibration: a decision and/or six scores (JSON), compared with the gold.</summary>
public sealed record CalibrationAnswer(string PersonId, string ItemId, string? Decision, string? ScoresJson, DateTimeOffset SubmittedAt);
