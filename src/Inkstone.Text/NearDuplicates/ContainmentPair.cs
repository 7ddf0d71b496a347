namespace Inkstone.Text.NearDuplicates;

/// <summary>A query document and a reference document that contains at least the threshold share of the query's shingles.</summary>
public sealed record ContainmentPair(int Query, int Reference, double Containment);
