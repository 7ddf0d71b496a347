using Inkstone.Evaluation.Judgments;

namespace Inkstone.Evaluation.Queries;

/// <summary>Queries read from files and the located problems of the lines that were not accepted.</summary>
public sealed record QuerySetReadResult(IReadOnlyList<BenchmarkQuery> Queries, IReadOnlyList<ImportDiagnostic> Diagnostics)
{
    /// <summary>Notes for standard error that are not problems of a record (a file named twice was read once).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
