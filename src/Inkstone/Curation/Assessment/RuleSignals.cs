namespace Inkstone.Curation.Assessment;

/// <summary>The measured signals of one text (definitions in docs/curation.md).</summary>
public sealed record RuleSignals
{
    public required int Characters { get; init; }
    public required int Lines { get; init; }
    public required int LongestLine { get; init; }
    public required bool Truncated { get; init; }
    public string? TruncationMarker { get; init; }
    public required double RepeatedShare { get; init; }
    public required double GarbledShare { get; init; }
    public required double MarkupPer1000 { get; init; }
    public required double DistinctCharacterShare { get; init; }
}
