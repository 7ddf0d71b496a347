using System.Globalization;
using Inkstone.Curation;

namespace Inkstone.Storage;

public sealed partial class SqlCurationStore
{
    public async Task<IReadOnlyList<ReviewAssignment>> ListReviewsAsync(string? itemId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        const string Columns = "item_id, round, reviewer, assigned_at, decision, reason_code, comment, decided_at";
        using var command = itemId is null
            ? Command(connection, null, $"SELECT {Columns} FROM curation_reviews ORDER BY item_id, round, reviewer")
            : Command(connection, null, $"SELECT {Columns} FROM curation_reviews WHERE item_id = @id ORDER BY round, reviewer", ("@id", itemId));
        var result = new List<ReviewAssignment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new ReviewAssignment
            {
                ItemId = reader.GetString(0),
                Round = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                Reviewer = reader.GetString(2),
                AssignedAt = StoreTime.Parse(reader.GetString(3)),
                Decision = reader.IsDBNull(4) ? null : Enum.Parse<ReviewDecisionKind>(reader.GetString(4), ignoreCase: true),
                ReasonCode = reader.IsDBNull(5) ? null : reader.GetString(5),
                Comment = reader.IsDBNull(6) ? null : reader.GetString(6),
                DecidedAt = reader.IsDBNull(7) ? null : StoreTime.Parse(reader.GetString(7)),
            });
        }

        return result;
    }

    public Task<DecisionOutcome> RecordReviewDecisionAsync(ReviewDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var name = decision.Decision.ToString().ToLowerInvariant();
        return _store.WriteAsync(async (connection, transaction, ct) =>
        {
            // Compare-and-set on "decision IS NULL": two imports of different decisions cannot both win.
            var changed = await ExecuteAsync(connection, transaction, """
                UPDATE curation_reviews SET decision = @decision, reason_code = @reason_code, comment = @comment, decided_at = @now
                WHERE item_id = @id AND round = @round AND reviewer = @reviewer AND decision IS NULL
                """, ct,
                ("@decision", name), ("@reason_code", decision.ReasonCode), ("@comment", decision.Comment), ("@now", Now()),
                ("@id", decision.ItemId), ("@round", decision.Round), ("@reviewer", decision.Reviewer)).ConfigureAwait(false);
            if (changed == 1) return DecisionOutcome.Recorded;
            var existing = await ScalarAsync(connection, transaction,
                "SELECT COALESCE(decision, '') FROM curation_reviews WHERE item_id = @id AND round = @round AND reviewer = @reviewer", ct,
                ("@id", decision.ItemId), ("@round", decision.Round), ("@reviewer", decision.Reviewer)).ConfigureAwait(false);
            return existing is null ? DecisionOutcome.NotAssigned
                : (string)existing == name ? DecisionOutcome.AlreadyRecorded : DecisionOutcome.Conflict;
        }, cancellationToken);
    }

    public Task RecordIngestErrorsAsync(IReadOnlyList<IngestError> errors, string? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0) return Task.CompletedTask;
        return _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = Now();
            foreach (var e in errors)
            {
                await ExecuteAsync(connection, transaction,
                    "INSERT INTO curation_ingest_errors (source_file, source_record, field, message, severity, run_id, at) "
                    + "VALUES (@file, @record, @field, @message, @severity, @run, @now) ON CONFLICT DO NOTHING", ct,
                    ("@file", e.Location.File), ("@record", e.Location.Record), ("@field", e.Field), ("@message", e.Message),
                    ("@severity", Severity(e.Severity)), ("@run", runId), ("@now", now)).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<IngestError>> ListIngestErrorsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null,
            "SELECT source_file, source_record, field, message, severity FROM curation_ingest_errors ORDER BY seq LIMIT @limit", ("@limit", limit));
        var result = new List<IngestError>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new IngestError(new SourceLocation(reader.GetString(0), reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3))
            {
                Severity = reader.GetString(4) == "warning" ? IngestErrorSeverity.Warning : IngestErrorSeverity.Error,
            });
        }
        return result;
    }

    public async Task<long> CountIngestErrorsAsync(IngestErrorSeverity? severity = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var count = severity is { } only
            ? await ScalarAsync(connection, null, "SELECT COUNT(*) FROM curation_ingest_errors WHERE severity = @severity", cancellationToken, ("@severity", Severity(only))).ConfigureAwait(false)
            : await ScalarAsync(connection, null, "SELECT COUNT(*) FROM curation_ingest_errors", cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(count, CultureInfo.InvariantCulture);
    }

    private static string Severity(IngestErrorSeverity severity) => severity == IngestErrorSeverity.Warning ? "warning" : "error";
}
