namespace Inkstone.Tests.Fuzz;

/// <summary>What the fuzz tests do to one record of an otherwise valid file.</summary>
public enum RecordMutation
{
    None,
    Truncate,
    FlipByte,
    InvalidUtf8,
    LoneSurrogate,
    HugeField,
    DeepNesting,
    DuplicateKey,
}
