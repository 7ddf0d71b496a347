using Inkstone.Model;

namespace Inkstone.Training;

/// <summary>Triplets read from a process dataset file and the located problems of the lines that were not read (or read with a caveat).</summary>
public sealed record ProcessDatasetReadResult(IReadOnlyList<Triplet> Triplets, IReadOnlyList<string> Problems);
