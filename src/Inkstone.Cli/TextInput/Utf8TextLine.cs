namespace Inkstone.Cli.TextInput;

/// <summary>One physical line of an input: its 1-based number and its text, or null when its bytes are not valid UTF-8.</summary>
public readonly record struct Utf8TextLine(int Number, string? Text, int InvalidByteOffset = -1)
{
    public bool IsValid => Text is not null;
}
