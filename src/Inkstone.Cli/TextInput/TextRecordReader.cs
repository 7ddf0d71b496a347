using System.Runtime.CompilerServices;
using Inkstone.Cli.Conventions;

namespace Inkstone.Cli.TextInput;

/// <summary>
/// Streams texts from a file: one text per line, or JSON Lines with the text in <see cref="Field"/>. Blank lines are
/// skipped and counted. A bad record (invalid UTF-8, invalid JSON, a duplicate key, a missing or non-string field, a
/// lone surrogate escape) is reported with file, line and field and skipped — or, when <see cref="Strict"/>, stops the
/// run (exit code 2). A file none of whose records can be read is not an input of this kind: an input error.
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

    /// <summary>Records read (accepted or rejected), across every file read; blank lines are not records.</summary>
    public int Records { get; private set; }

    public async IAsyncEnumerable<TextRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Field is null && IdField is not null) throw new CliInputException("--id-field needs --field (JSON Lines input)");
        if (Field is null && (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            throw new CliInputException($"{path}: looks like JSON; name the text field with --field");
        if (Directory.Exists(path)) throw new CliInputException($"{path}: is a folder, not a file");
        if (!File.Exists(path)) throw new CliInputException($"{path}: no such file");

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        int index = 0, records = 0;
        string? firstProblem = null;
        await foreach (var line in Utf8LineReader.ReadAsync(stream, path, cancellationToken).ConfigureAwait(false))
        {
            if (line.Text is { } t && string.IsNullOrWhiteSpace(t))
            {
                BlankLines++;
                continue;
            }
            records++;
            Records++;
            var (text, id, problem) = line.Text is null
                ? (null, null, $"not valid UTF-8 (at byte {line.InvalidByteOffset + 1})")
                : Field is null ? (line.Text, null, null) : JsonTextField.Read(line.Text, Field, IdField);
            if (problem is not null)
            {
                var message = $"{path}:{line.Number}: {problem}";
                if (Strict) throw new CliInputException(message + " (--strict)");
                _problems.Add(message);
                firstProblem ??= $"line {line.Number}: {problem}";
                continue;
            }
            yield return new TextRecord(index++, line.Number, id, text!);
        }
        // Not one record readable: the file is of another kind (binary, another encoding, not JSON Lines, a wrong --field).
        if (index == 0 && firstProblem is not null)
            throw new CliInputException($"{path}: none of its {records} records could be read; the first: {firstProblem}");
    }
}
