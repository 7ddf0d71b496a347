using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Inkstone.Evaluation.Judgments;
using Inkstone.Input;
using Inkstone.Taxonomy;

namespace Inkstone.Evaluation.Queries;

/// <summary>
/// Reads and writes query sets as JSONL, one query a line:
/// <c>{"id","language","genre","query","constraints":{"length","style","theme"},"cultural_requirements"}</c>.
/// The genre may be any id, name or alias of the taxonomy and is stored as the genre id. Lines with problems are
/// reported with file, line and field; duplicate ids keep the first.
/// </summary>
public static class QuerySetFile
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "zh", "en" };

    public static async Task<QuerySetReadResult> ReadAsync(IEnumerable<string> paths, GenreTaxonomy taxonomy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var queries = new List<BenchmarkQuery>();
        var diagnostics = new List<ImportDiagnostic>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = InputFiles.Distinct(paths);
        foreach (var path in files.Paths)
        {
            var name = Path.GetFileName(path);
            // Every line under the input policy: invalid UTF-8, lone surrogates and duplicate keys reject the line.
            await foreach (var record in JsonLinesFile.ReadAsync(path, cancellationToken).ConfigureAwait(false))
            {
                using (record)
                {
                    var line = record.Line;
                    if (record.Problem is not null)
                    {
                        diagnostics.Add(new ImportDiagnostic(name, line, record.Problem.Field, record.ProblemMessage!));
                        continue;
                    }
                    try
                    {
                        var q = Parse(record.Document!.RootElement, taxonomy);
                        if (seen.TryGetValue(q.Id, out var first))
                            diagnostics.Add(new ImportDiagnostic(name, line, "id", $"duplicate query id '{q.Id}' (first at {first}); this line is not used"));
                        else
                        {
                            seen[q.Id] = $"{name}:{line}";
                            queries.Add(q);
                        }
                    }
                    catch (QueryFieldException ex) { diagnostics.Add(new ImportDiagnostic(name, line, ex.Field, ex.Message)); }
                }
            }
        }
        return new QuerySetReadResult(queries, diagnostics) { Notes = files.Notes };
    }

    public static async Task WriteAsync(string path, IEnumerable<BenchmarkQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var q in queries)
            await writer.WriteLineAsync(JsonSerializer.Serialize(q, s_json).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private sealed class QueryFieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    private static BenchmarkQuery Parse(JsonElement e, GenreTaxonomy taxonomy)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new QueryFieldException("(record)", "a query must be a JSON object");
        var id = Required(e, "id");
        var language = Required(e, "language").ToLowerInvariant();
        if (!Languages.Contains(language)) throw new QueryFieldException("language", $"expected zh or en, got '{language}'");
        var genreName = Required(e, "genre");
        if (!taxonomy.TryResolve(genreName, out var genre)) throw new QueryFieldException("genre", $"'{genreName}' is not a genre of taxonomy {taxonomy.Version}");
        var query = Required(e, "query");
        var constraints = new QueryConstraints();
        if (e.TryGetProperty("constraints", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind != JsonValueKind.Object) throw new QueryFieldException("constraints", "expected an object with length, style, theme");
            constraints = new QueryConstraints(Optional(c, "length", "constraints."), Optional(c, "style", "constraints."), Optional(c, "theme", "constraints."));
        }
        return new BenchmarkQuery(id, language, genre.Id, query, constraints, Optional(e, "cultural_requirements", ""));
    }

    private static string Required(JsonElement e, string field) =>
        Optional(e, field, "") ?? throw new QueryFieldException(field, "missing or empty");

    private static string? Optional(JsonElement e, string field, string prefix)
    {
        if (!e.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null) return null;
        var s = p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetRawText(),
            JsonValueKind.Array => string.Join("; ", p.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.GetRawText())),
            _ => throw new QueryFieldException(prefix + field, $"expected text, got {p.ValueKind}"),
        };
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
