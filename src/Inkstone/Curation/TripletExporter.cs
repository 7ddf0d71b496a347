using System.Text;
using System.Text.Json;
using Inkstone.Storage;

namespace Inkstone.Curation;

/// <summary>
/// Writes accepted triplets as JSONL in the released field layout: <c>id, query, thought, answer, metadata</c>, where
/// metadata holds <c>genre</c>, <c>quality_score</c> and <c>creativity_score</c> (the article's), the six <c>scores</c>,
/// <c>provenance</c>, the <c>annotator</c> and the <c>reviewers</c>. Items are written in id order.
/// </summary>
public sealed class TripletExporter(ICurationStore store)
{
    public async Task<long> ExportAsync(string path, CancellationToken cancellationToken = default)
    {
        var temporary = path + ".partial";
        long written = 0;
        await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        {
            string? after = null;
            while (true)
            {
                var page = await store.ListItemsAsync(CurationState.Accepted, after, 200, cancellationToken).ConfigureAwait(false);
                if (page.Count == 0) break;
                after = page[^1].Id;
                foreach (var item in page)
                {
                    await writer.WriteLineAsync(await LineAsync(item, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                    written++;
                }
            }
        }

        // Readers never see a half-written export.
        File.Move(temporary, path, overwrite: true);
        return written;
    }

    private async Task<string> LineAsync(CurationItem item, CancellationToken cancellationToken)
    {
        var artifacts = await store.GetArtifactsAsync(item.Id, cancellationToken).ConfigureAwait(false);
        using var annotation = JsonDocument.Parse(artifacts["annotation"].Json);
        using var scores = JsonDocument.Parse(artifacts.TryGetValue("scores", out var s) ? s.Json : "{}");
        var reviews = (await store.ListReviewsAsync(item.Id, cancellationToken).ConfigureAwait(false)).Where(r => r.Round == item.ReviewRound).Select(r => r.Reviewer).ToList();
        int? Score(string name) => scores.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        var p = item.Provenance;
        return CurationJson.Serialize(new
        {
            id = item.Id,
            query = annotation.RootElement.GetProperty("query").GetString(),
            thought = annotation.RootElement.GetProperty("thought").GetString(),
            answer = item.Text,
            metadata = new
            {
                genre = item.Genre,
                quality_score = Score("article_quality"),
                creativity_score = Score("article_creativity"),
                scores = new
                {
                    article_quality = Score("article_quality"), article_creativity = Score("article_creativity"),
                    query_quality = Score("query_quality"), query_creativity = Score("query_creativity"),
                    thought_quality = Score("thought_quality"), thought_creativity = Score("thought_creativity"),
                    total = Score("total"),
                },
                title = item.Title,
                provenance = new
                {
                    url = p?.Url, platform = p?.Platform, author = p?.Author,
                    published_at = p?.PublishedAt is { } at ? StoreTime.FormatWithOffset(at) : null,
                    likes = p?.Engagement?.Likes, shares = p?.Engagement?.Shares, comments = p?.Engagement?.Comments,
                },
                annotator = annotation.RootElement.TryGetProperty("annotator", out var a) ? a.GetString() : null,
                reviewers = reviews,
            },
        });
    }
}
