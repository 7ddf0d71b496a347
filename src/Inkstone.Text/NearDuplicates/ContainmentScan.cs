namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// The outcome of a containment scan: query documents read, queries without shingles (never paired), reference
/// documents read, and the (query, reference) pairs at or above the threshold.
/// </summary>
public sealed record ContainmentScan(int Queries, IReadOnlyList<int> EmptyQueries, int ReferenceDocuments, IReadOnlyList<ContainmentPair> Pairs);
