namespace Inkstone.Cli.TextInput;

/// <summary>One text read from an input file: its 0-based position among the texts read, its 1-based line, and its id field if any.</summary>
public sealed record TextRecord(int Index, int Line, string? Id, string Text);
