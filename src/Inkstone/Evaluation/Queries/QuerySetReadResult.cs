using Inkstone.Evaluation.Judgments;

namespace Inkstone.Evaluation.Queries;

/// <summary>Queries read from files and the located problems of the lines that were not accepted.</summary>
public sealed record QuerySetReadResult(IReadOnlyList<BenchmarkQuery> Queries, IReadOnlyList<ImportDiagnostic> Diagnostics);
