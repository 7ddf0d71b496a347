using System.Text;
using System.Text.Json;
using Inkstone.Model;
using Inkstone.Taxonomy;

namespace Inkstone.Training;

/// <summary>
/// Minimal reader for the released COIG-Writer JSONL layout (<c>id</c>, <c>query</c>, <c>thought</c>, <c>answer</c>,
/// genre in <c>metadata.genre</c> or <c>genre</c>), so that <c>inkstone train</c> runs on its own. The general
/// dataset reader (JSON, JSONL and Parquet, with full metadata) supersedes it; the training code only needs triplets.
/// </summary>
public static class ProcessDatasetJsonlReader
{
    public static async Task<ProcessDatasetReadResult> ReadAsync(string path, string displayName, GenreTaxonomy taxonomy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var triplets = new List<Triplet>();
        var problems = new List<string>();
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrainingDataException($"{displayName}: cannot open process dataset: {ex.Message}", ex);
        }

        using (reader)
        {
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var where = $"{displayName}:{lineNumber}";
                try
                {
                    using var document = JsonDocument.Parse(line);
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add($"{where}: (line): expected a JSON object");
                        continue;
                    }

                    string? Text(string name) => root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                    var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
                        ? idElement.ToString()
                        : null;
                    var missing = new[] { ("id", id), ("query", Text("query")), ("thought", Text("thought")), ("answer", Text("answer")) }
                        .Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
                    if (missing.Count > 0)
                    {
                        problems.Add($"{where}: {string.Join(", ", missing)}: missing or not a string");
                        continue;
                    }

                    string? genreName = null;
                    if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                        && metadata.TryGetProperty("genre", out var g) && g.ValueKind == JsonValueKind.String)
                        genreName = g.GetString();
                    genreName ??= Text("genre");
                    string? genreId = null;
                    if (genreName is not null)
                    {
                        if (taxonomy.TryResolve(genreName, out var genre)) genreId = genre.Id;
                        else problems.Add($"{where}: metadata.genre: '{genreName}' is not in the taxonomy; the triplet is kept with no genre");
                    }

                    triplets.Add(new Triplet { Id = id!, Query = Text("query")!, Thought = Text("thought")!, Answer = Text("answer")!, GenreId = genreId });
                }
                catch (JsonException ex)
                {
                    problems.Add($"{where}: (line): invalid JSON: {ex.Message}");
                }
            }
        }

        return new ProcessDatasetReadResult(triplets, problems);
    }
}
