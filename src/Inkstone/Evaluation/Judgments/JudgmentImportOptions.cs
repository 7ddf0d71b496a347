namespace Inkstone.Evaluation.Judgments;

/// <summary>How to read judgment files whose records leave something out.</summary>
public sealed record JudgmentImportOptions
{
    /// <summary>Judge for records without an "annotator" field (e.g. the paper's ranking-tool export); default: the file name without extension.</summary>
    public string? DefaultJudge { get; init; }

    public JudgeKind JudgeKind { get; init; } = JudgeKind.Human;

    /// <summary>Maps names used in files (e.g. the ranking tool's "source_file") to model configuration names.</summary>
    public IReadOnlyDictionary<string, string> ModelNames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Key of a blind assignment: records with "item_id" and answer labels are mapped back through it.</summary>
    public BlindKey? BlindKey { get; init; }
}
