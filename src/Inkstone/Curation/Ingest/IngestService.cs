using System.Diagnostics;
using Inkstone.Curation.Dedup;
using Inkstone.Model;
using Inkstone.Storage;
using Inkstone.Taxonomy;

namespace Inkstone.Curation.Ingest;

/// <summary>
/// The ingest stage: read sources, normalize, deduplicate (exact: content hash in the store; near: MinHash + LSH with
/// the band keys in the workspace, checked in the insert transaction), apply the date gate, store items with provenance. Streaming in batches; re-running
/// on the same files stores nothing twice (<see cref="InsertOutcome.AlreadyPresent"/>).
/// </summary>
public sealed class IngestService
{
    private const int ShownErrors = 100;
    private static readonly Actor s_actor = Actor.System("ingest");
    private readonly ICurationStore _store;
    private readonly INearDuplicateIndex _nearDuplicates;
    private readonly ITextConverter? _converter;
    private readonly GenreTaxonomy _taxonomy;
    private readonly TimeProvider _time;

    public IngestService(ICurationStore store, INearDuplicateIndex nearDuplicates, ITextConverter? converter = null, GenreTaxonomy? taxonomy = null, TimeProvider? timeProvider = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _nearDuplicates = nearDuplicates ?? throw new ArgumentNullException(nameof(nearDuplicates));
        _converter = converter;
        _taxonomy = taxonomy ?? GenreTaxonomy.Default;
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task<IngestReport> IngestAsync(IReadOnlyList<string> paths, IngestOptions options, string? runId = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ToSimplified && _converter is null) throw new InvalidOperationException("traditional→simplified conversion was asked for but no converter is configured");
        var clock = Stopwatch.StartNew();
        var tally = new Tally();

        var batch = new List<(SourceRecord Record, string Id)>(options.BatchSize);
        foreach (var path in paths)
        {
            ISourceReader reader;
            try
            {
                reader = SourceReaders.For(path);
            }
            catch (Exception ex) when (ex is IOException or NotSupportedException or UnauthorizedAccessException)
            {
                // A missing or unsupported file is reported like a broken record; the other files are still read.
                tally.Errors.Add(new IngestError(new SourceLocation(path, "file"), null, ex.Message));
                if (options.StopAtFirstProblem) break;
                continue;
            }

            var ordinal = 0;
            await using var records = reader.ReadAsync(path, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                if (options.Limit is { } limit && tally.RecordsRead >= limit) break;
                SourceReadResult result;
                try
                {
                    if (!await records.MoveNextAsync().ConfigureAwait(false)) break;
                    result = records.Current;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
                {
                    tally.Errors.Add(new IngestError(new SourceLocation(path, $"after record {ordinal}"), null, $"reading stopped: {ex.Message}"));
                    break;
                }

                tally.RecordsRead++;
                ordinal++;
                if (result.Error is not null)
                {
                    tally.Failed++;
                    tally.Errors.Add(result.Error);
                    if (options.StopAtFirstProblem) break;
                    continue;
                }

                var record = result.Record!;
                batch.Add((record, record.Id ?? $"{Path.GetFileNameWithoutExtension(path)}#{ordinal}"));
                if (batch.Count >= options.BatchSize)
                {
                    await FlushAsync(batch, options, tally, runId, cancellationToken).ConfigureAwait(false);
                    progress?.Report(new IngestProgress(tally.RecordsRead, tally.Stored.Values.Sum(), tally.ErrorCount));
                    if (options.StopAtFirstProblem && tally.ErrorCount + tally.WarningCount > 0) break;
                }
            }

            if (options.StopAtFirstProblem && (tally.ErrorCount + tally.WarningCount > 0 || tally.Errors.Count > 0)) break;

            if (options.Limit is { } l && tally.RecordsRead >= l) break;
        }

        await FlushAsync(batch, options, tally, runId, cancellationToken).ConfigureAwait(false);
        progress?.Report(new IngestProgress(tally.RecordsRead, tally.Stored.Values.Sum(), tally.ErrorCount));
        return new IngestReport
        {
            RecordsRead = tally.RecordsRead,
            Stored = tally.Stored,
            AlreadyPresent = tally.AlreadyPresent,
            IdConflicts = tally.IdConflicts,
            Failed = tally.Failed,
            ErrorCount = tally.ErrorCount,
            WarningCount = tally.WarningCount,
            FirstErrors = tally.Shown,
            StoppedAtFirstProblem = options.StopAtFirstProblem && tally.ErrorCount + tally.WarningCount > 0,
            Elapsed = clock.Elapsed,
        };
    }

    private async Task FlushAsync(List<(SourceRecord Record, string Id)> batch, IngestOptions options, Tally tally, string? runId, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            await FlushErrorsAsync(tally, runId, cancellationToken).ConfigureAwait(false);
            return;
        }

        var texts = batch.Select(b => b.Record.Text ?? "").ToArray();
        if (options.ToSimplified)
        {
            var sized = texts.Select((t, i) => (t, i)).Where(x => x.t.Length <= options.MaxCharacters * 4).ToList();
            var converted = await _converter!.ConvertAsync([.. sized.Select(x => x.t)], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < sized.Count; i++) texts[sized[i].i] = converted[i];
        }

        // CPU work (normalization, hash, signature) in parallel; gates and the index in source order so results do not depend on threads.
        var prepared = new Prepared?[batch.Count];
        var failures = new string?[batch.Count];
        var tooLong = $"too long: more than {options.MaxCharacters:N0} characters (raise the ingest limit to keep it)";
        void Prepare(int i)
        {
            if (batch[i].Record.Text is null) { failures[i] = "missing"; return; }
            // Far too long even before normalization: do not spend time normalizing it.
            if (texts[i].Length > options.MaxCharacters * 4) { failures[i] = tooLong; return; }
            var normalized = TextNormalizer.Normalize(texts[i]);
            var chars = CountCodePoints(normalized);
            if (normalized.Length == 0) { failures[i] = "empty after normalization"; return; }
            if (chars > options.MaxCharacters) { failures[i] = tooLong; return; }
            prepared[i] = new Prepared(normalized, chars, ContentHash.Of(normalized), _nearDuplicates.ComputeSignature(normalized));
        }

        // One worker runs on this thread: Parallel.For would still hand the work to the thread pool.
        if (options.Concurrency <= 1)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Prepare(i);
            }
        }
        else
        {
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, Prepare);
        }

        var now = _time.GetUtcNow();
        var items = new List<NewCurationItem>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var (record, id) = batch[i];
            tally.Errors.AddRange(record.FieldErrors);
            if (prepared[i] is not { } p)
            {
                tally.Failed++;
                tally.Errors.Add(new IngestError(record.Location, "text", failures[i]!));
                continue;
            }

            items.Add(Gate(record, id, p, options, now, tally.Errors));
        }

        var results = await _store.InsertItemsAsync(items, s_actor, runId, _nearDuplicates, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < results.Count; i++)
        {
            var item = items[i];
            switch (results[i].Outcome)
            {
                case InsertOutcome.Inserted:
                    tally.Count(item.State, item.ReasonCode);
                    break;
                case InsertOutcome.NearDuplicate:
                    tally.Count(CurationState.Rejected, "near_duplicate");
                    break;
                case InsertOutcome.ExactDuplicate:
                    tally.Count(CurationState.Rejected, "duplicate");
                    break;
                case InsertOutcome.AlreadyPresent:
                    tally.AlreadyPresent++;
                    break;
                case InsertOutcome.IdConflict:
                    tally.IdConflicts++;
                    tally.Errors.Add(new IngestError(item.Source, "id", $"id '{item.Id}' is already used by a different text in this workspace"));
                    break;
            }
        }

        batch.Clear();
        await FlushErrorsAsync(tally, runId, cancellationToken).ConfigureAwait(false);
    }

    private NewCurationItem Gate(SourceRecord record, string id, Prepared p, IngestOptions options, DateTimeOffset now, List<IngestError> errors)
    {
        var state = CurationState.Ingested;
        string? reasonCode = null, reason = null;

        DateTimeOffset? published = null;
        if (record.PublishedAt is { } raw)
        {
            if (PublishedDateParser.TryParse(raw, now, out var parsed, out var dateError)) published = parsed;
            else
            {
                errors.Add(new IngestError(record.Location, "published_at", dateError! + "; item held"));
                (state, reasonCode, reason) = (CurationState.Held, "invalid_date", dateError);
            }
        }

        // The near-duplicate gate runs in the store's insert transaction (it overrides these states).
        if (state == CurationState.Ingested && published is null)
        {
            (state, reasonCode, reason) = (CurationState.Held, "undated", "no publication date");
        }
        else if (state == CurationState.Ingested && DateOnly.FromDateTime(published!.Value.DateTime) < options.PublishedOnOrAfter)
        {
            (state, reasonCode, reason) = (CurationState.Rejected, "date", $"published {published.Value:yyyy-MM-dd}, before {options.PublishedOnOrAfter:yyyy-MM-dd}");
        }

        string? genre = null;
        if (record.Genre is { } g)
        {
            if (_taxonomy.TryResolve(g, out var resolved)) genre = resolved.Id;
            else
            {
                genre = g;
                errors.Add(new IngestError(record.Location, "genre", $"'{g}' is not a genre of taxonomy {_taxonomy.Version}; kept as written")
                    { Severity = IngestErrorSeverity.Warning });
            }
        }

        return new NewCurationItem
        {
            Id = id, Text = p.Text, TextHash = p.Hash, CharCount = p.Chars, Source = record.Location,
            Title = record.Title, Genre = genre, State = state, ReasonCode = reasonCode, Reason = reason, Signature = p.Signature,
            Provenance = new Provenance
            {
                Url = record.Url, Platform = record.Platform, Author = record.Author, PublishedAt = published,
                Engagement = record.Likes is null && record.Shares is null && record.Comments is null ? null : new Engagement(record.Likes, record.Shares, record.Comments),
            },
        };
    }

    private async Task FlushErrorsAsync(Tally tally, string? runId, CancellationToken cancellationToken)
    {
        if (tally.Errors.Count == 0) return;
        await _store.RecordIngestErrorsAsync([.. tally.Errors], runId, cancellationToken).ConfigureAwait(false);
        foreach (var e in tally.Errors)
            if (tally.Shown.Count < ShownErrors) tally.Shown.Add(e);
        var warnings = tally.Errors.Count(e => e.Severity == IngestErrorSeverity.Warning);
        tally.WarningCount += warnings;
        tally.ErrorCount += tally.Errors.Count - warnings;
        tally.Errors.Clear();
    }

    private static int CountCodePoints(string text)
    {
        var count = text.Length;
        foreach (var c in text) if (char.IsLowSurrogate(c)) count--;
        return count;
    }

    private sealed record Prepared(string Text, int Chars, string Hash, byte[] Signature);

    private sealed class Tally
    {
        public long RecordsRead;
        public long AlreadyPresent;
        public long IdConflicts;
        public long Failed;
        public long ErrorCount;
        public long WarningCount;
        public Dictionary<string, long> Stored { get; } = new(StringComparer.Ordinal);
        public List<IngestError> Errors { get; } = [];
        public List<IngestError> Shown { get; } = [];

        public void Count(CurationState state, string? reasonCode)
        {
            var key = reasonCode is null ? state.ToStorage() : $"{state.ToStorage()}({reasonCode})";
            Stored[key] = Stored.GetValueOrDefault(key) + 1;
        }
    }
}
