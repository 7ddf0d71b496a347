namespace Inkstone.Evaluation.Judgments;

/// <summary>Judgments read from files, with every record that could not be read reported in <see cref="Diagnostics"/>.</summary>
public sealed class JudgmentSet
{
    public List<PairwiseJudgment> Pairwise { get; } = [];

    public List<RubricJudgment> Rubric { get; } = [];

    public List<ImportDiagnostic> Diagnostics { get; } = [];

    /// <summary>Notes for standard error that are not problems of a record (a file named twice was read once).</summary>
    public List<string> Notes { get; } = [];

    public void Add(JudgmentSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Pairwise.AddRange(other.Pairwise);
        Rubric.AddRange(other.Rubric);
        Diagnostics.AddRange(other.Diagnostics);
        Notes.AddRange(other.Notes);
    }
}
