namespace Inkstone.Datasets;

/// <summary>What is wrong; the messages for each kind are listed in docs/dataset-format.md.</summary>
public enum DatasetProblemKind
{
    /// <summary>The record is not well-formed JSON, or not a JSON object.</summary>
    MalformedRecord,

    /// <summary>The bytes of the record are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The file starts with a byte order mark.</summary>
    ByteOrderMark,

    /// <summary>A string escapes a lone surrogate (<c>"\ud800"</c>), which is no Unicode character.</summary>
    LoneSurrogate,

    /// <summary>One JSON object names the same key twice.</summary>
    DuplicateKey,

    /// <summary>A required field is absent or null.</summary>
    MissingField,

    /// <summary>A required field is an empty or whitespace-only string.</summary>
    EmptyField,

    /// <summary>A field has the wrong type or a value out of range.</summary>
    InvalidValue,

    /// <summary>The genre resolves to no genre of the taxonomy.</summary>
    UnknownGenre,

    /// <summary>The id was already used by an accepted record.</summary>
    DuplicateId,

    /// <summary>The file as a whole cannot be read (not JSON, not Parquet, truncated, unreadable).</summary>
    UnreadableFile,
}
