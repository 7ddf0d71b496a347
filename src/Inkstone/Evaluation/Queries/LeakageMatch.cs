namespace Inkstone.Evaluation.Queries;

/// <summary>A training text that nearly duplicates a benchmark query: Jaccard and containment (share of the query's shingles found in the training text).</summary>
public sealed record LeakageMatch(string QueryId, string TrainingId, double Jaccard, double Containment);
