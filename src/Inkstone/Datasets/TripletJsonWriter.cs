using System.Globalization;
using System.Text.Json;
using Inkstone.Model;
using F = Inkstone.Datasets.DatasetFieldNames;

namespace Inkstone.Datasets;

/// <summary>Writes a triplet as the canonical JSON record that <see cref="TripletRecordMapper"/> reads back unchanged.</summary>
internal static class TripletJsonWriter
{
    public static void Write(Utf8JsonWriter writer, Triplet triplet)
    {
        writer.WriteStartObject();
        writer.WriteString(F.Id, triplet.Id);
        writer.WriteString(F.Query, triplet.Query);
        writer.WriteString(F.Thought, triplet.Thought);
        writer.WriteString(F.Answer, triplet.Answer);
        if (HasMetadata(triplet, includeColumns: true))
        {
            writer.WriteStartObject(F.Metadata);
            if (triplet.GenreId is not null) writer.WriteString(F.Genre, triplet.GenreId);
            foreach (var (name, dimension) in ScoreFields)
                if (triplet.Scores?[dimension] is { } score) writer.WriteNumber(name, score);
            WriteMetadataBody(writer, triplet);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>Score dimensions and the metadata field each is written to.</summary>
    public static IReadOnlyList<(string Name, ScoreDimension Dimension)> ScoreFields { get; } =
    [
        (F.QualityScore, ScoreDimension.ArticleQuality),
        (F.CreativityScore, ScoreDimension.ArticleCreativity),
        (F.QueryQualityScore, ScoreDimension.QueryQuality),
        (F.QueryCreativityScore, ScoreDimension.QueryCreativity),
        (F.ThoughtQualityScore, ScoreDimension.ThoughtQuality),
        (F.ThoughtCreativityScore, ScoreDimension.ThoughtCreativity),
    ];

    /// <summary>True when the triplet has metadata beyond genre and scores (or, with <paramref name="includeColumns"/>, any metadata).</summary>
    public static bool HasMetadata(Triplet triplet, bool includeColumns) =>
        (includeColumns && (triplet.GenreId is not null || triplet.Scores is not null))
        || triplet.ReviewState != ReviewState.Unreviewed || triplet.Provenance is not null || triplet.ExtraMetadata is { Count: > 0 };

    /// <summary>Metadata other than genre and scores: review state, provenance and the fields Inkstone does not interpret.</summary>
    public static void WriteMetadataBody(Utf8JsonWriter writer, Triplet triplet)
    {
        if (triplet.ReviewState != ReviewState.Unreviewed)
            writer.WriteString(F.ReviewState, JsonNamingPolicy.SnakeCaseLower.ConvertName(triplet.ReviewState.ToString()));
        if (triplet.Provenance is { } p)
        {
            if (p.Url is not null) writer.WriteString(F.Url, p.Url);
            if (p.Platform is not null) writer.WriteString(F.Platform, p.Platform);
            if (p.Author is not null) writer.WriteString(F.Author, p.Author);
            if (p.PublishedAt is { } at) writer.WriteString(F.PublishedAt, at.ToString("O", CultureInfo.InvariantCulture));
            if (p.Engagement?.Likes is { } likes) writer.WriteNumber(F.Likes, likes);
            if (p.Engagement?.Shares is { } shares) writer.WriteNumber(F.Shares, shares);
            if (p.Engagement?.Comments is { } comments) writer.WriteNumber(F.Comments, comments);
        }
        if (triplet.ExtraMetadata is not null)
        {
            foreach (var (name, value) in triplet.ExtraMetadata)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }
    }
}
