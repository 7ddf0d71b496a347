namespace Inkstone.Reports.Fonts;

/// <summary>No usable CJK font: none found, the named one missing, or one without glyphs for the report's text.</summary>
public sealed class ReportFontException : Exception
{
    public ReportFontException() { }

    public ReportFontException(string message) : base(message) { }

    public ReportFontException(string message, Exception innerException) : base(message, innerException) { }
}
