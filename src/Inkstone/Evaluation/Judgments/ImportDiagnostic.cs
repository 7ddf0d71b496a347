namespace Inkstone.Evaluation.Judgments;

/// <summary>A problem with one record of an input file, located by file, line and field.</summary>
public sealed record ImportDiagnostic(string File, int Line, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: field '{Field}': {Message}";
}
