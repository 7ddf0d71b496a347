using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Inkstone.Cli.TextInput;

/// <summary>
/// Streams texts from a file: one text per line, or JSON Lines with the text in <see cref="Field"/>. Blank lines are
/// skipped and counted. A bad record (invalid JSON, missing or non-string field) is reported with file, line and
/// field and skipped — or, when <see cref="Strict"/>, stops the run with an <see cref="InvalidDataException"/>.
/// </summary>
public sealed class TextRecordReader
{
    private readonly List<string> _problems = [];

    /// <summary>JSON field holding the text; null for one text per line.</summary>
    public string? Field { get; init; }

    /// <summary>Optional JSON field holding a record id (string or number), echoed in reports.</summary>
    public string? IdField { get; init; }

    public bool Strict { get; init; }

    /// <summary>"file:line: message" for each skipped bad record, across every file read.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public int BlankLines { get; private set; }

    public async IAsyncEnumerable<TextRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"input file not found: {path}", path);
        if (Field is null && IdField is not null) throw new ArgumentException("--id-field needs --field (JSON Lines input)");
        if (Field is null && (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"{path} looks like JSON; name the text field with --field");

        using var reader = new StreamReader(path);
        var lineNumber = 0;
        var index = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                BlankLines++;
                continue;
            }
            if (Field is null)
            {
                yield return new TextRecord(index++, lineNumber, null, line);
                continue;
            }
            var (text, id, problem) = Parse(line);
            if (problem is not null)
            {
                var message = $"{path}:{lineNumber}: {problem}";
                if (Strict) throw new InvalidDataException(message);
                _problems.Add(message);
                continue;
            }
            yield return new TextRecord(index++, lineNumber, id, text!);
        }
    }

    private (string? Text, string? Id, string? Problem) Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, null, "record is not a JSON object");
            if (!document.RootElement.TryGetProperty(Field!, out var value)) return (null, null, $"field '{Field}' is missing");
            if (value.ValueKind != JsonValueKind.String) return (null, null, $"field '{Field}' is {value.ValueKind}, not a string");
            string? id = null;
            if (IdField is not null && document.RootElement.TryGetProperty(IdField, out var idValue))
                id = idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : idValue.GetRawText();
            return (value.GetString(), id, null);
        }
        catch (JsonException e)
        {
            return (null, null, "invalid JSON: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses strings with an unpaired surrogate escape such as "\ud800".
            var fields = IdField is null ? $"field '{Field}'" : $"field '{Field}' or '{IdField}'";
            return (null, null, $"{fields} cannot be read as text: {e.Message}");
        }
    }
}
