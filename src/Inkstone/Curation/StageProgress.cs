namespace Inkstone.Curation;

public sealed record StageProgress(string Stage, long Processed);
