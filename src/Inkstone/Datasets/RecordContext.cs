using System.Text;

namespace Inkstone.Datasets;

/// <summary>Where a record came from; builds its located problems and decodes its raw text only when one occurs.</summary>
internal sealed class RecordContext(string file, long? line, long? row, ReadOnlyMemory<byte> bytes)
{
    private string? _raw;

    public string File { get; } = file;
    public long? Line { get; } = line;
    public long? Row { get; } = row;
    public string? RecordId { get; set; }
    public List<DatasetProblem> Problems { get; } = [];

    public string Raw => _raw ??= Encoding.UTF8.GetString(bytes.Span);

    public void Add(DatasetProblemKind kind, string? field, string message, long? lineOverride = null, long? byteInLine = null) =>
        Problems.Add(new DatasetProblem
        {
            File = File,
            Line = lineOverride ?? Line,
            Row = Row,
            ByteInLine = byteInLine,
            RecordId = RecordId,
            Field = field,
            Kind = kind,
            Message = message,
            RawRecord = Raw,
        });
}
