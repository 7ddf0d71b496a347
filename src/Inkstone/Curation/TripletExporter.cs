using System.Runtime.CompilerServices;
using System.Text.Json;
using Inkstone.Datasets;
using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Curation;

/// <summary>
/// Writes accepted triplets through <see cref="DatasetWriter"/> (JSONL, JSON or Parquet) in the released field layout:
/// <c>id, query, thought, answer, metadata</c>, where metadata holds <c>genre</c>, the six scores
/// (<c>quality_score</c>, <c>creativity_score</c> for the article, <c>query_*_score</c>, <c>thought_*_score</c>),
/// <c>review_state</c> (<c>accepted</c>), the provenance fields (<c>url</c>, <c>platform</c>, <c>author</c>,
/// <c>published_at</c>, <c>likes</c>, <c>shares</c>, <c>comments</c>) and, as further metadata, <c>title</c>,
/// <c>annotator</c> and the final round's <c>reviewers</c>. Items are written in id order.
/// </summary>
public sealed class TripletExporter(ICurationStore store)
{
    public Task<long> ExportAsync(string path, CancellationToken cancellationToken = default) =>
        ExportAsync(path, DatasetFormat.Jsonl, cancellationToken);

    public Task<long> ExportAsync(string path, DatasetFormat format, CancellationToken cancellationToken = default) =>
        DatasetWriter.WriteAsync(path, AcceptedAsync(cancellationToken), format, cancellationToken);

    /// <summary>The accepted items as triplets, streamed a page at a time.</summary>
    public async IAsyncEnumerable<Triplet> AcceptedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            var page = await store.ListItemsAsync(CurationState.Accepted, after, 200, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0) yield break;
            after = page[^1].Id;
            foreach (var item in page) yield return await ToTripletAsync(item, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Triplet> ToTripletAsync(CurationItem item, CancellationToken cancellationToken)
    {
        var artifacts = await store.GetArtifactsAsync(item.Id, cancellationToken).ConfigureAwait(false);
        using var annotation = JsonDocument.Parse(artifacts["annotation"].Json);
        using var scores = JsonDocument.Parse(artifacts.TryGetValue("scores", out var s) ? s.Json : "{}");
        var reviewers = (await store.ListReviewsAsync(item.Id, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Round == item.ReviewRound).Select(r => r.Reviewer).ToList();
        var assessment = new AssessmentScores();
        foreach (var dimension in AssessmentScores.Dimensions)
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(dimension.ToString());
            if (scores.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) assessment = assessment.With(dimension, v.GetInt32());
        }

        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (item.Title is not null) extra["title"] = JsonSerializer.SerializeToElement(item.Title);
        if (annotation.RootElement.TryGetProperty("annotator", out var a) && a.ValueKind == JsonValueKind.String) extra["annotator"] = a.Clone();
        extra["reviewers"] = JsonSerializer.SerializeToElement(reviewers);
        return new Triplet
        {
            Id = item.Id,
            Query = annotation.RootElement.GetProperty("query").GetString()!,
            Thought = annotation.RootElement.GetProperty("thought").GetString()!,
            Answer = item.Text,
            GenreId = item.Genre,
            Scores = assessment,
            ReviewState = ReviewState.Accepted,
            Provenance = item.Provenance,
            ExtraMetadata = extra,
        };
    }
}
