using System.Globalization;
using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>
/// Maps named fields (JSONL keys, CSV headers, front-matter keys) to a <see cref="SourceRecord"/>. Field names are
/// matched case-insensitively with the aliases listed in docs/curation.md; engagement counts must be non-negative integers.
/// </summary>
public static class SourceFieldMapper
{
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "id", ["source_id"] = "id",
        ["text"] = "text", ["content"] = "text", ["body"] = "text",
        ["title"] = "title",
        ["genre"] = "genre",
        ["url"] = "url", ["link"] = "url",
        ["platform"] = "platform", ["site"] = "platform",
        ["author"] = "author",
        ["published_at"] = "published_at", ["published"] = "published_at", ["date"] = "published_at", ["publish_time"] = "published_at",
        ["likes"] = "likes", ["like_count"] = "likes",
        ["shares"] = "shares", ["share_count"] = "shares", ["reposts"] = "shares",
        ["comments"] = "comments", ["comment_count"] = "comments",
    };

    /// <summary>How many canonical fields there are: the most a record's field map ever holds.</summary>
    internal static readonly int CanonicalCount = s_aliases.Values.Distinct(StringComparer.Ordinal).Count();

    /// <summary>The canonical field a source key maps to, or null for keys Inkstone does not read.</summary>
    public static string? Canonical(string key) => s_aliases.TryGetValue(key.Trim(), out var name) ? name : null;

    /// <summary>Builds a record from canonical field values given as text (null for absent).</summary>
    public static SourceRecord Map(SourceLocation location, IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new List<IngestError>();
        string? Get(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        long? Count(string name)
        {
            var raw = Get(name);
            if (raw is null) return null;
            if (long.TryParse(raw.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
            errors.Add(new IngestError(location, name, $"'{Shorten(raw)}' is not a non-negative integer; recorded as unknown"));
            return null;
        }

        return new SourceRecord
        {
            Location = location,
            Id = Get("id"),
            Text = fields.TryGetValue("text", out var text) ? text : null,
            Title = Get("title"),
            Genre = Get("genre"),
            Url = Get("url"),
            Platform = Get("platform"),
            Author = Get("author"),
            PublishedAt = Get("published_at"),
            Likes = Count("likes"),
            Shares = Count("shares"),
            Comments = Count("comments"),
            FieldErrors = errors,
        };
    }

    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
