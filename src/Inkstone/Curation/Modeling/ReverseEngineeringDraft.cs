namespace Inkstone.Curation.Modeling;

/// <summary>A model-written query and thought for an article; stays a draft until a person edits or accepts it.</summary>
public sealed record ReverseEngineeringDraft(string Query, string Thought);
