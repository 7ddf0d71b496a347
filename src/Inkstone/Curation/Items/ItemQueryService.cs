using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Inkstone.Storage;

namespace Inkstone.Curation.Items;

/// <summary>Reads items for people: lists by state and genre, one item in full, quarantined items with their reasons.</summary>
public sealed class ItemQueryService(ICurationStore store)
{
    /// <summary>Characters of the text shown for an item without a title.</summary>
    public const int ExcerptLength = 40;

    private const int Page = 500;

    /// <summary>Items in <paramref name="state"/> (all when null) of <paramref name="genre"/> (any when null), in id order.</summary>
    public async Task<IReadOnlyList<ItemSummary>> ListAsync(
        CurationState? state, string? genre, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var result = new List<ItemSummary>();
        await foreach (var item in ReadAsync(state, cancellationToken).ConfigureAwait(false))
        {
            if (genre is not null && !string.Equals(item.Genre, genre, StringComparison.Ordinal)) continue;
            result.Add(Summarize(item));
            if (result.Count >= limit) break;
        }

        return result;
    }

    /// <summary>Every item in <paramref name="state"/> (all when null), a page at a time, in id order.</summary>
    public async IAsyncEnumerable<CurationItem> ReadAsync(
        CurationState? state, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            var page = await store.ListItemsAsync(state, after, Page, cancellationToken).ConfigureAwait(false);
            foreach (var item in page) yield return item;
            if (page.Count < Page) yield break;
            after = page[^1].Id;
        }
    }

    /// <summary>One item with its artifacts, reviews and audit trail; null when no item has that id.</summary>
    public async Task<ItemDetail?> ShowAsync(string id, CancellationToken cancellationToken = default)
    {
        var item = await store.GetItemAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null) return null;
        var artifacts = await store.GetArtifactsAsync(id, cancellationToken).ConfigureAwait(false);
        var reviews = await store.ListReviewsAsync(id, cancellationToken).ConfigureAwait(false);
        var audit = new List<ItemDetail.AuditEntry>();
        await foreach (var e in store.ReadAuditAsync(id, cancellationToken).ConfigureAwait(false))
            audit.Add(new(e.At, e.Actor.ToString(), e.From?.ToStorage(), e.To.ToStorage(), e.ReasonCode, e.Reason, e.RunId));
        return new ItemDetail
        {
            Id = item.Id, State = item.State.ToStorage(), ReasonCode = item.ReasonCode, Reason = item.Reason,
            QuarantinedIn = item.State == CurationState.Quarantined ? item.ReasonCode : null,
            ReturnState = item.ReturnState?.ToStorage(), Title = item.Title, Genre = item.Genre, Text = item.Text,
            CharCount = item.CharCount, SourceFile = item.Source.File, SourceRecord = item.Source.Record,
            Provenance = item.Provenance, NeedsSpecialist = item.NeedsSpecialist, ReviewRound = item.ReviewRound,
            CreatedAt = item.CreatedAt, UpdatedAt = item.UpdatedAt,
            Artifacts = [.. artifacts.Values.OrderBy(a => a.CreatedAt).ThenBy(a => a.Kind, StringComparer.Ordinal)
                .Select(a => new ItemDetail.Artifact(a.Kind, a.Revision, a.Actor.ToString(), a.CreatedAt, Parse(a.Json)))],
            Reviews = [.. reviews.Select(r => new ItemDetail.Review(r.Round, r.Reviewer, r.AssignedAt,
                r.Decision?.ToString().ToLowerInvariant(), r.ReasonCode, r.Comment, r.DecidedAt))],
            Audit = audit,
        };
    }

    /// <summary>
    /// Quarantined items with the stage that failed, the kind of failure and the reason; with <paramref name="runId"/>
    /// only those quarantined by that run.
    /// </summary>
    public async Task<IReadOnlyList<QuarantinedItem>> QuarantinedAsync(string? runId = null, CancellationToken cancellationToken = default)
    {
        var result = new List<QuarantinedItem>();
        await foreach (var item in ReadAsync(CurationState.Quarantined, cancellationToken).ConfigureAwait(false))
        {
            AuditEvent? last = null;
            await foreach (var e in store.ReadAuditAsync(item.Id, cancellationToken).ConfigureAwait(false)) last = e;
            if (runId is not null && last?.RunId != runId) continue;
            result.Add(new QuarantinedItem(item.Id, item.ReasonCode ?? "unknown", item.ReturnState?.ToStorage(),
                FailureKinds.Classify(item.Reason), item.Reason ?? "", last?.RunId, last?.At ?? item.UpdatedAt));
        }

        return result;
    }

    /// <summary>The title, or the first <see cref="ExcerptLength"/> characters of the text on one line.</summary>
    public static string TitleOrExcerpt(CurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!string.IsNullOrWhiteSpace(item.Title)) return OneLine(item.Title);
        var text = OneLine(item.Text);
        var cut = StringInfoPrefix(text, ExcerptLength);
        return cut.Length < text.Length ? cut + "…" : cut;
    }

    private static ItemSummary Summarize(CurationItem item) =>
        new(item.Id, item.State.ToStorage(), item.ReasonCode, item.Reason, item.Genre, TitleOrExcerpt(item), item.UpdatedAt);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    // Cuts at a text element boundary so that a surrogate pair is never split.
    private static string StringInfoPrefix(string text, int elements)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= elements ? text : info.SubstringByTextElements(0, elements);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
