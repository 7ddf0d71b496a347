namespace Inkstone.Storage;

/// <summary>A piece of stage output stored with a transition (assessment signals, screening scores, analyses, annotation, scores), as JSON.</summary>
public sealed record ArtifactWrite(string Kind, string Json);
