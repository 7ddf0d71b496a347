namespace Inkstone.Evaluation.Judgments;

/// <summary>What a blind item hides: its query, and which model wrote the answer under each label.</summary>
public sealed record BlindKeyEntry(string ItemId, string QueryId, string Annotator, IReadOnlyDictionary<string, string> Labels, int Sample = 0);
