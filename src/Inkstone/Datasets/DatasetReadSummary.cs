using System.Globalization;

namespace Inkstone.Datasets;

/// <summary>
/// Counts what a read produced. Feed it every entry with <see cref="Add"/>. Read = accepted + rejected; file-level
/// problems are counted separately. Problems are kept up to <see cref="MaxRetainedProblems"/> so that a file with
/// millions of bad records does not exhaust memory; <see cref="ProblemCount"/> counts them all.
/// </summary>
public sealed class DatasetReadSummary
{
    private readonly List<DatasetProblem> _problems = [];

    public DatasetReadSummary(int maxRetainedProblems = 1000) => MaxRetainedProblems = maxRetainedProblems;

    public int MaxRetainedProblems { get; }
    public long Read => Accepted + Rejected;
    public long Accepted { get; private set; }
    public long Rejected { get; private set; }
    public long Warnings { get; private set; }
    public long FileErrors { get; private set; }
    public long ProblemCount { get; private set; }
    public IReadOnlyList<DatasetProblem> Problems => _problems;

    public void Add(DatasetEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Kind)
        {
            case DatasetEntryKind.Accepted: Accepted++; break;
            case DatasetEntryKind.Rejected: Rejected++; break;
            default:
                if (entry.Problems.Any(p => p.Severity == DatasetProblemSeverity.Error)) FileErrors++;
                break;
        }
        foreach (var problem in entry.Problems)
        {
            ProblemCount++;
            if (problem.Severity == DatasetProblemSeverity.Warning) Warnings++;
            if (_problems.Count < MaxRetainedProblems) _problems.Add(problem);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"read {Read}, accepted {Accepted}, rejected {Rejected} ({ProblemCount} problems, {Warnings} warnings{(FileErrors > 0 ? $", {FileErrors} file errors" : "")})");
}
