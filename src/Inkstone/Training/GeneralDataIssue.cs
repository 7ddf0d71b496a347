namespace Inkstone.Training;

/// <summary>A general-data line that could not be used, located by file, 1-based line and field.</summary>
public sealed record GeneralDataIssue(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
