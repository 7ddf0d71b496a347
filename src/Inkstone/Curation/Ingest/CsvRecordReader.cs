using System.Text;

namespace Inkstone.Curation.Ingest;

/// <summary>Streams RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes) with their starting line.</summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private int _line = 1;

    internal sealed record Row(IReadOnlyList<string> Fields, int StartLine, string? Error)
    {
        /// <summary>The last physical line the record spans.</summary>
        public int EndLine { get; init; } = StartLine;
    }

    /// <summary>Reads the next record; the underlying reader buffers, so reading a character at a time is cheap.</summary>
    public Row? Read(CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var start = _line;
        var inQuotes = false;
        var quotedField = false;
        var any = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = reader.Read();
            if (next < 0)
            {
                if (!any) return null;
                if (inQuotes) return new Row(fields, start, $"unterminated quoted field starting on line {start}") { EndLine = _line };
                fields.Add(field.ToString());
                return new Row(fields, start, null) { EndLine = _line };
            }

            any = true;
            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') _line++;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !quotedField:
                    inQuotes = true;
                    quotedField = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    quotedField = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    return new Row(fields, start, null) { EndLine = _line++ };
                default:
                    field.Append(c);
                    break;
            }
        }
    }
}
