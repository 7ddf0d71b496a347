namespace Inkstone.Text.Segmentation;

/// <summary>A dictionary file line that jieba's format does not allow; names the file and the 1-based line.</summary>
public sealed class JiebaDictionaryFormatException : FormatException
{
    public JiebaDictionaryFormatException(string source, int line, string message)
        : base($"{source}:{line}: {message}")
    {
        Source = source;
        Line = line;
    }

    public JiebaDictionaryFormatException() { Source = ""; }

    public JiebaDictionaryFormatException(string message) : base(message) { Source = ""; }

    public JiebaDictionaryFormatException(string message, Exception innerException) : base(message, innerException) { Source = ""; }

    /// <summary>The file (or other source) the line came from.</summary>
    public new string Source { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }
}
