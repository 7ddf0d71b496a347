using Inkstone.Curation.Ingest;
using Inkstone.Storage;

namespace Inkstone.Curation.Exchange;

/// <summary>
/// Releases items held for a missing (<c>undated</c>) or unreadable (<c>invalid_date</c>) publication date: a person
/// supplies <c>published_at</c> for a <c>source_id</c>; the date is stored in the item's provenance and the date gate
/// re-applies — on or after the configured cut-off the item goes to ingested (the stages pick it up on the next run),
/// before it to rejected(date). Each release is one audited transition by the person named in <c>by</c>.
/// </summary>
public sealed class PublishedDateImporter(ICurationStore store, DateOnly publishedOnOrAfter, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Columns a CSV file must have (alternatives separated by '|').</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["source_id|id", "published_at"];

    /// <summary>Imports a file of <c>source_id</c>, <c>published_at</c> and <c>by</c> (who checked the date; <paramref name="defaultBy"/> when absent).</summary>
    public async Task<ImportReport> ImportAsync(string path, string? defaultBy = null, string? runId = null, CancellationToken cancellationToken = default)
    {
        long records = 0, already = 0;
        var applied = new Dictionary<string, long>(StringComparer.Ordinal);
        var errors = new List<IngestError>();
        await foreach (var record in ExchangeFileReader.ReadAsync(path, RequiredColumns, cancellationToken).ConfigureAwait(false))
        {
            records++;
            if (record.Error is not null) { errors.Add(new IngestError(record.Location, null, record.Error)); continue; }
            var (outcome, field, message) = await ReleaseAsync(record.Get("source_id") ?? record.Get("id"), record.Get("published_at"), record.Get("by") ?? defaultBy, runId, cancellationToken).ConfigureAwait(false);
            if (outcome == "already") already++;
            else if (message is not null) errors.Add(new IngestError(record.Location, field, message));
            else applied[outcome!] = applied.GetValueOrDefault(outcome!) + 1;
        }

        return new ImportReport(records, applied, already, errors);
    }

    /// <summary>
    /// Releases one held item. Returns the outcome (<c>ingested</c>, <c>rejected(date)</c> or <c>already</c> when the item
    /// is no longer held with that date) or the field and message of the error.
    /// </summary>
    public async Task<(string? Outcome, string? Field, string? Error)> ReleaseAsync(string? id, string? publishedAt, string? by, string? runId = null, CancellationToken cancellationToken = default)
    {
        if (id is null) return (null, "source_id", "missing");
        if (publishedAt is null) return (null, "published_at", "missing");
        if (string.IsNullOrWhiteSpace(by)) return (null, "by", "missing: name the person who checked the date");
        if (!PublishedDateParser.TryParse(publishedAt, _time.GetUtcNow(), out var published, out var dateError)) return (null, "published_at", dateError);
        var item = await store.GetItemAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null) return (null, "source_id", $"no item '{id}' in this workspace");
        if (item.State != CurationState.Held)
        {
            return item.Provenance?.PublishedAt == published
                ? ("already", null, null)
                : (null, "source_id", $"'{id}' is {item.State.ToStorage()}, not held; only held items are released");
        }

        var tooOld = DateOnly.FromDateTime(published.DateTime) < publishedOnOrAfter;
        var checkedBy = $"published_at {published:yyyy-MM-dd} supplied by {by}";
        var ok = await store.TransitionAsync([new StateTransition
        {
            ItemId = id, ExpectedVersion = item.Version, From = CurationState.Held, Actor = Actor.Person(by),
            To = tooOld ? CurationState.Rejected : CurationState.Ingested, PublishedAt = published, RunId = runId,
            ReasonCode = tooOld ? "date" : "date_supplied",
            Reason = tooOld ? $"{checkedBy}: before {publishedOnOrAfter:yyyy-MM-dd}" : $"{checkedBy}; was held: {item.Reason}",
        }], cancellationToken).ConfigureAwait(false);
        if (!ok[0]) return (null, "source_id", $"'{id}' changed while being released; run again");
        return (tooOld ? "rejected(date)" : "ingested", null, null);
    }
}
