namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// The outcome of a near-duplicate scan: documents read, documents without shingles (empty after normalisation,
/// never paired), LSH candidate pairs examined, and the pairs at or above the threshold.
/// </summary>
public sealed record NearDuplicateScan(int Documents, IReadOnlyList<int> EmptyDocuments, long CandidatePairs, IReadOnlyList<NearDuplicatePair> Pairs);
