using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Inkstone.Taxonomy;

/// <summary>
/// The genre taxonomy: categories, genres and an alias index. The default is the embedded
/// <c>genres.json</c> (51 genres in 7 categories); users replace it with <c>--taxonomy FILE</c> in the same shape.
/// </summary>
public sealed class GenreTaxonomy
{
    private static readonly Lazy<GenreTaxonomy> s_default = new(LoadEmbedded);
    private readonly Dictionary<string, Genre> _byKey;
    private readonly Dictionary<string, Genre> _byId;
    private readonly Dictionary<string, GenreCategory> _categories;

    private GenreTaxonomy(string version, IReadOnlyList<GenreCategory> categories, Dictionary<string, Genre> byKey)
    {
        Version = version;
        Categories = categories;
        _byKey = byKey;
        _categories = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _byId = categories.SelectMany(c => c.Genres).ToDictionary(g => g.Id, StringComparer.Ordinal);
        Genres = categories.SelectMany(c => c.Genres).ToArray();
    }

    public static GenreTaxonomy Default => s_default.Value;

    public string Version { get; }
    public IReadOnlyList<GenreCategory> Categories { get; }
    public IReadOnlyList<Genre> Genres { get; }

    public GenreCategory GetCategory(string categoryId) => _categories[categoryId];

    public Genre GetGenre(string genreId) => _byId[genreId];

    public GenreCategory CategoryOf(Genre genre)
    {
        ArgumentNullException.ThrowIfNull(genre);
        return _categories[genre.CategoryId];
    }

    /// <summary>
    /// Resolves an id, an English or Chinese name, or an alias to a genre. Matching ignores case, width
    /// (full-width letters), surrounding space, and treats space, '-', '/' and '_' alike.
    /// </summary>
    public bool TryResolve(string? nameOrAlias, out Genre genre)
    {
        genre = null!;
        if (string.IsNullOrWhiteSpace(nameOrAlias)) return false;
        return _byKey.TryGetValue(NormalizeKey(nameOrAlias), out genre!);
    }

    public static GenreTaxonomy Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        catch (IOException ex)
        {
            throw new TaxonomyFormatException($"{path}: cannot read taxonomy: {ex.Message}", ex);
        }
    }

    public static GenreTaxonomy Load(Stream stream, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new TaxonomyFormatException($"{sourceName}: line {ex.LineNumber + 1}: invalid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var version = root.TryGetProperty("version", out var v) ? v.ToString() : "unversioned";
            if (!root.TryGetProperty("categories", out var cats) || cats.ValueKind != JsonValueKind.Array)
                throw new TaxonomyFormatException($"{sourceName}: field 'categories': missing or not an array");

            var categories = new List<GenreCategory>();
            var byKey = new Dictionary<string, Genre>(StringComparer.Ordinal);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var ci = 0;
            foreach (var cat in cats.EnumerateArray())
            {
                var where = $"{sourceName}: categories[{ci}]";
                var catId = RequiredString(cat, "id", where);
                if (!ids.Add(catId)) throw new TaxonomyFormatException($"{where}: field 'id': duplicate id '{catId}'");
                var genres = new List<Genre>();
                if (!cat.TryGetProperty("genres", out var gs) || gs.ValueKind != JsonValueKind.Array)
                    throw new TaxonomyFormatException($"{where}: field 'genres': missing or not an array");
                var gi = 0;
                foreach (var g in gs.EnumerateArray())
                {
                    var gwhere = $"{where}.genres[{gi}]";
                    var id = RequiredString(g, "id", gwhere);
                    if (!ids.Add(id)) throw new TaxonomyFormatException($"{gwhere}: field 'id': duplicate id '{id}'");
                    var aliases = g.TryGetProperty("aliases", out var al) && al.ValueKind == JsonValueKind.Array
                        ? al.EnumerateArray().Select(a => a.GetString() ?? "").Where(a => a.Length > 0).ToArray()
                        : [];
                    var genre = new Genre(id, catId, RequiredString(g, "name_zh", gwhere), RequiredString(g, "name_en", gwhere), aliases);
                    genres.Add(genre);
                    foreach (var key in new[] { genre.Id, genre.NameZh, genre.NameEn }.Concat(aliases))
                    {
                        var k = NormalizeKey(key);
                        if (byKey.TryGetValue(k, out var existing) && existing.Id != genre.Id)
                            throw new TaxonomyFormatException($"{gwhere}: alias '{key}' already names genre '{existing.Id}'");
                        byKey[k] = genre;
                    }
                    gi++;
                }
                categories.Add(new GenreCategory(catId, RequiredString(cat, "name_zh", where), RequiredString(cat, "name_en", where), genres));
                ci++;
            }
            return new GenreTaxonomy(version, categories, byKey);
        }
    }

    private static string RequiredString(JsonElement e, string name, string where)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString()))
            throw new TaxonomyFormatException($"{where}: field '{name}': missing or empty");
        return p.GetString()!;
    }

    internal static string NormalizeKey(string s)
    {
        var folded = s.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (ch is ' ' or '-' or '/' or '_' or '\t') { if (sb.Length > 0 && sb[^1] != '_') sb.Append('_'); }
            else sb.Append(ch);
        }
        return sb.ToString().TrimEnd('_');
    }

    private static GenreTaxonomy LoadEmbedded()
    {
        using var stream = typeof(GenreTaxonomy).Assembly.GetManifestResourceStream("Inkstone.Taxonomy.genres.json")
            ?? throw new InvalidOperationException("embedded taxonomy missing");
        return Load(stream, "genres.json (built in)");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"taxonomy {Version}: {Categories.Count} categories, {Genres.Count} genres");
}
