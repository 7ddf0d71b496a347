using System.Globalization;
using System.Text.Json;
using Inkstone.Model;
using Inkstone.Taxonomy;
using F = Inkstone.Datasets.DatasetFieldNames;
using static Inkstone.Datasets.JsonValueKindNames;

namespace Inkstone.Datasets;

/// <summary>
/// Turns one parsed record into a <see cref="Triplet"/>, or into located problems. Every problem of the record is
/// reported, not just the first. Fields Inkstone does not interpret go to <see cref="Triplet.ExtraMetadata"/>.
/// </summary>
internal sealed class TripletRecordMapper(GenreTaxonomy taxonomy, bool requireGenre)
{
    private static readonly Dictionary<string, ReviewState> s_reviewStates = Enum.GetValues<ReviewState>()
        .ToDictionary(s => JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()), StringComparer.Ordinal);

    public Triplet? Map(JsonElement root, RecordContext context)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            context.Add(DatasetProblemKind.MalformedRecord, null, $"record is not a JSON object (found {Describe(root.ValueKind)})");
            return null;
        }

        var slots = new Slots("");
        var extras = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        Slot? metadata = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case F.Id: slots.Set(ref slots.Id, property, context); break;
                case F.Query or F.QueryAlternate: slots.Set(ref slots.Query, property, context); break;
                case F.Thought or F.ThoughtAlternate: slots.Set(ref slots.Thought, property, context); break;
                case F.Answer or F.AnswerAlternate: slots.Set(ref slots.Answer, property, context); break;
                case F.Genre: slots.Set(ref slots.Genre, property, context); break;
                case F.Metadata: metadata = new Slot(property.Name, property.Value); break;
                default: extras[property.Name] = property.Value.Clone(); break;
            }
        }

        var id = ReadId(slots.Id, context);
        context.RecordId = id;
        var query = RequiredText(slots.Query, F.Query, context);
        var thought = RequiredText(slots.Thought, F.Thought, context);
        var answer = RequiredText(slots.Answer, F.Answer, context);

        var meta = new Slots(F.Metadata + ".");
        if (metadata is { } m && m.Value.ValueKind != JsonValueKind.Null)
        {
            if (m.Value.ValueKind != JsonValueKind.Object)
            {
                context.Add(DatasetProblemKind.InvalidValue, F.Metadata, $"must be a JSON object, found {Describe(m.Value.ValueKind)}");
            }
            else
            {
                foreach (var property in m.Value.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case F.Genre: meta.Set(ref slots.Genre, property, context); break;
                        case F.QualityScore or F.ArticleQualityScore: meta.Set(ref meta.ArticleQuality, property, context); break;
                        case F.CreativityScore or F.ArticleCreativityScore: meta.Set(ref meta.ArticleCreativity, property, context); break;
                        case F.QueryQualityScore: meta.Set(ref meta.QueryQuality, property, context); break;
                        case F.QueryCreativityScore: meta.Set(ref meta.QueryCreativity, property, context); break;
                        case F.ThoughtQualityScore: meta.Set(ref meta.ThoughtQuality, property, context); break;
                        case F.ThoughtCreativityScore: meta.Set(ref meta.ThoughtCreativity, property, context); break;
                        case F.ReviewState: meta.Set(ref meta.ReviewState, property, context); break;
                        case F.Url: meta.Set(ref meta.Url, property, context); break;
                        case F.Platform: meta.Set(ref meta.Platform, property, context); break;
                        case F.Author: meta.Set(ref meta.Author, property, context); break;
                        case F.PublishedAt: meta.Set(ref meta.PublishedAt, property, context); break;
                        case F.Likes: meta.Set(ref meta.Likes, property, context); break;
                        case F.Shares: meta.Set(ref meta.Shares, property, context); break;
                        case F.Comments: meta.Set(ref meta.Comments, property, context); break;
                        default: extras[property.Name] = property.Value.Clone(); break;
                    }
                }
            }
        }

        var genreId = ReadGenre(slots.Genre, context);
        var scores = new AssessmentScores
        {
            ArticleQuality = ReadScore(meta.ArticleQuality, context),
            ArticleCreativity = ReadScore(meta.ArticleCreativity, context),
            QueryQuality = ReadScore(meta.QueryQuality, context),
            QueryCreativity = ReadScore(meta.QueryCreativity, context),
            ThoughtQuality = ReadScore(meta.ThoughtQuality, context),
            ThoughtCreativity = ReadScore(meta.ThoughtCreativity, context),
        };
        var reviewState = ReadReviewState(meta.ReviewState, context);
        var provenance = ReadProvenance(meta, context);

        if (context.Problems.Count > 0) return null;
        return new Triplet
        {
            Id = id!,
            Query = query!,
            Thought = thought!,
            Answer = answer!,
            GenreId = genreId,
            Scores = AssessmentScores.Dimensions.Any(d => scores[d] is not null) ? scores : null,
            ReviewState = reviewState,
            Provenance = provenance,
            ExtraMetadata = extras.Count > 0 ? extras : null,
        };
    }

    private static string? ReadId(Slot? slot, RecordContext context)
    {
        if (slot is not { } s || s.Value.ValueKind == JsonValueKind.Null)
        {
            context.Add(DatasetProblemKind.MissingField, F.Id, "required field is missing");
            return null;
        }
        switch (s.Value.ValueKind)
        {
            case JsonValueKind.Number:
                return s.Value.GetRawText();
            case JsonValueKind.String:
                var id = s.Value.GetString()!;
                if (!string.IsNullOrWhiteSpace(id)) return id;
                context.Add(DatasetProblemKind.EmptyField, s.Name, "required field is empty");
                return null;
            default:
                context.Add(DatasetProblemKind.InvalidValue, s.Name, $"must be a string or a number, found {Describe(s.Value.ValueKind)}");
                return null;
        }
    }

    private static string? RequiredText(Slot? slot, string canonicalName, RecordContext context)
    {
        if (slot is not { } s || s.Value.ValueKind == JsonValueKind.Null)
        {
            context.Add(DatasetProblemKind.MissingField, canonicalName, "required field is missing");
            return null;
        }
        if (s.Value.ValueKind != JsonValueKind.String)
        {
            context.Add(DatasetProblemKind.InvalidValue, s.Name, $"must be a string, found {Describe(s.Value.ValueKind)}");
            return null;
        }
        var text = s.Value.GetString()!;
        if (!string.IsNullOrWhiteSpace(text)) return text;
        context.Add(DatasetProblemKind.EmptyField, s.Name, "required field is empty");
        return null;
    }

    private string? ReadGenre(Slot? slot, RecordContext context)
    {
        if (slot is not { } s || s.Value.ValueKind == JsonValueKind.Null)
        {
            if (requireGenre) context.Add(DatasetProblemKind.MissingField, F.Metadata + "." + F.Genre, "required field is missing");
            return null;
        }
        if (s.Value.ValueKind != JsonValueKind.String)
        {
            context.Add(DatasetProblemKind.InvalidValue, s.Name, $"must be a string, found {Describe(s.Value.ValueKind)}");
            return null;
        }
        var name = s.Value.GetString()!;
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Add(DatasetProblemKind.EmptyField, s.Name, "genre is empty");
            return null;
        }
        if (taxonomy.TryResolve(name, out var genre)) return genre.Id;
        context.Add(DatasetProblemKind.UnknownGenre, s.Name, $"unknown genre '{name}': not an id, name or alias in taxonomy version {taxonomy.Version}");
        return null;
    }

    private static int? ReadScore(Slot? slot, RecordContext context)
    {
        if (slot is not { } s || s.Value.ValueKind == JsonValueKind.Null) return null;
        if (s.Value.ValueKind == JsonValueKind.Number && s.Value.TryGetDouble(out var value)
            && value == Math.Floor(value) && value is >= AssessmentScores.Minimum and <= AssessmentScores.Maximum)
            return (int)value;
        context.Add(DatasetProblemKind.InvalidValue, s.Name, $"must be an integer from {AssessmentScores.Minimum} to {AssessmentScores.Maximum}, found {s.Value.GetRawText()}");
        return null;
    }

    private static ReviewState ReadReviewState(Slot? slot, RecordContext context)
    {
        if (slot is not { } s || s.Value.ValueKind == JsonValueKind.Null) return ReviewState.Unreviewed;
        if (s.Value.ValueKind == JsonValueKind.String && s_reviewStates.TryGetValue(s.Value.GetString()!, out var state)) return state;
        context.Add(DatasetProblemKind.InvalidValue, s.Name, $"must be one of {string.Join(", ", s_reviewStates.Keys)}, found {s.Value.GetRawText()}");
        return ReviewState.Unreviewed;
    }

    private static Provenance? ReadProvenance(Slots meta, RecordContext context)
    {
        var url = OptionalText(meta.Url, context);
        var platform = OptionalText(meta.Platform, context);
        var author = OptionalText(meta.Author, context);
        DateTimeOffset? publishedAt = null;
        if (OptionalText(meta.PublishedAt, context) is { } text)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) publishedAt = parsed;
            else context.Add(DatasetProblemKind.InvalidValue, meta.PublishedAt!.Value.Name, $"must be an ISO 8601 date or date-time, found '{text}'");
        }
        var likes = OptionalCount(meta.Likes, context);
        var shares = OptionalCount(meta.Shares, context);
        var comments = OptionalCount(meta.Comments, context);
        var engagement = likes is null && shares is null && comments is null ? null : new Engagement(likes, shares, comments);
        if (url is null && platform is null && author is null && publishedAt is null && engagement is null) return null;
        return new Provenance { Url = url, Platform = platform, Author = author, PublishedAt = publishedAt, Engagement = engagement };
    }

    private static string? OptionalText(Slot? slot, RecordContext context)
    {
        if (slot is not { } s || s.Value.ValueKind == JsonValueKind.Null) return null;
        if (s.Value.ValueKind == JsonValueKind.String) return s.Value.GetString();
        context.Add(DatasetProblemKind.InvalidValue, s.Name, $"must be a string, found {Describe(s.Value.ValueKind)}");
        return null;
    }

    private static long? OptionalCount(Slot? slot, RecordContext context)
    {
        if (slot is not { } s || s.Value.ValueKind == JsonValueKind.Null) return null;
        if (s.Value.ValueKind == JsonValueKind.Number && s.Value.TryGetInt64(out var value) && value >= 0) return value;
        context.Add(DatasetProblemKind.InvalidValue, s.Name, $"must be a non-negative integer, found {s.Value.GetRawText()}");
        return null;
    }

    /// <summary>A field as found: its full name (with the <c>metadata.</c> prefix where nested) and value.</summary>
    private readonly record struct Slot(string Name, JsonElement Value);

    private sealed class Slots(string prefix)
    {
        public Slot? Id, Query, Thought, Answer, Genre, ArticleQuality, ArticleCreativity, QueryQuality, QueryCreativity,
            ThoughtQuality, ThoughtCreativity, ReviewState, Url, Platform, Author, PublishedAt, Likes, Shares, Comments;

        /// <summary>Fills a slot; a second spelling of the same field is a conflict, reported on the later one.</summary>
        public void Set(ref Slot? slot, JsonProperty property, RecordContext context)
        {
            var name = prefix + property.Name;
            if (slot is { } existing)
            {
                context.Add(DatasetProblemKind.InvalidValue, name, $"conflicts with '{existing.Name}': the same field is given twice");
                return;
            }
            slot = new Slot(name, property.Value);
        }
    }
}
