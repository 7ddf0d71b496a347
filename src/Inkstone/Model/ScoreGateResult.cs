namespace Inkstone.Model;

public sealed record ScoreGateResult(bool Passed, string? Reason);
