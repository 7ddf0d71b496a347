namespace Inkstone.Cli.TextInput;

/// <summary>One physical line as read: its 1-based number, its bytes including the line break, and the length without it.</summary>
public readonly record struct RawLine(int Number, ReadOnlyMemory<byte> Bytes, int ContentLength);
