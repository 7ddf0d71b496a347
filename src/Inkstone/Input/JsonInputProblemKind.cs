namespace Inkstone.Input;

/// <summary>Why the input policy rejects a JSON record (docs/cli.md, "Reading input").</summary>
public enum JsonInputProblemKind
{
    /// <summary>The record's bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A string holds an escape of a lone surrogate (<c>"\ud800"</c>), which is no Unicode character.</summary>
    LoneSurrogate,

    /// <summary>One JSON object names the same key twice.</summary>
    DuplicateKey,

    /// <summary>The record is not well-formed JSON (or nests deeper than allowed).</summary>
    MalformedJson,
}
