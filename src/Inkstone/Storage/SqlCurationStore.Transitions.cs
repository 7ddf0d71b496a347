using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Inkstone.Curation;

namespace Inkstone.Storage;

public sealed partial class SqlCurationStore
{
    public Task<IReadOnlyList<bool>> TransitionAsync(IReadOnlyList<StateTransition> transitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        return _store.WriteAsync<IReadOnlyList<bool>>(async (connection, transaction, ct) =>
        {
            var now = Now();
            var applied = new List<bool>(transitions.Count);
            using var cache = new CommandCache(connection, transaction);
            foreach (var t in transitions)
                applied.Add(await TransitionOneAsync(cache, t, now, ct).ConfigureAwait(false));
            return applied;
        }, cancellationToken);
    }

    private static async Task<bool> TransitionOneAsync(CommandCache cache, StateTransition t, string now, CancellationToken ct)
    {
        var newRound = t.Reviewers.Count > 0 ? 1 : 0;
        var changed = await ExecuteAsync(cache, $"""
            UPDATE curation_items SET state = @to, reason_code = @reason_code, reason = @reason, return_state = @return_state,
                version = version + 1, updated_at = @now, claimed_by = NULL, claimed_until = NULL, review_round = review_round + {newRound}
                {(t.Genre is null ? "" : ", genre = @genre")}{(t.NeedsSpecialist is null ? "" : ", needs_specialist = @specialist")}
                {(t.PublishedAt is null ? "" : ", published_at = @published")}
            WHERE id = @id AND version = @version AND state = @from
            """, ct,
            ("@to", t.To.ToStorage()), ("@reason_code", t.ReasonCode), ("@reason", t.Reason), ("@return_state", t.ReturnState?.ToStorage()),
            ("@now", now), ("@genre", t.Genre), ("@specialist", t.NeedsSpecialist == true ? 1 : 0),
            ("@published", t.PublishedAt is { } at ? StoreTime.FormatWithOffset(at) : null),
            ("@id", t.ItemId), ("@version", t.ExpectedVersion), ("@from", t.From.ToStorage())).ConfigureAwait(false);
        if (changed == 0) return false;

        await InsertAuditAsync(cache, t.ItemId, t.From, t.To, t.ReasonCode, t.Reason, t.Actor, t.RunId, now, ct).ConfigureAwait(false);
        foreach (var artifact in t.Artifacts)
        {
            await ExecuteAsync(cache, """
                INSERT INTO curation_artifacts (item_id, kind, revision, content, actor_kind, actor, prompt_version, created_at)
                VALUES (@id, @kind, @revision, @content, @actor_kind, @actor, @prompt, @now)
                """, ct,
                ("@id", t.ItemId), ("@kind", artifact.Kind), ("@revision", t.ExpectedVersion + 1), ("@content", artifact.Json),
                ("@actor_kind", t.Actor.Kind.ToString().ToLowerInvariant()), ("@actor", t.Actor.Name), ("@prompt", t.Actor.PromptVersion), ("@now", now)).ConfigureAwait(false);
        }

        if (t.Reviewers.Count > 0)
        {
            var round = Convert.ToInt32(await ScalarAsync(cache, "SELECT review_round FROM curation_items WHERE id = @id", ct, ("@id", t.ItemId)).ConfigureAwait(false), CultureInfo.InvariantCulture);
            foreach (var reviewer in t.Reviewers.Distinct(StringComparer.Ordinal))
            {
                await ExecuteAsync(cache,
                    "INSERT INTO curation_reviews (item_id, round, reviewer, assigned_at) VALUES (@id, @round, @reviewer, @now)", ct,
                    ("@id", t.ItemId), ("@round", round), ("@reviewer", reviewer), ("@now", now)).ConfigureAwait(false);
            }
        }

        return true;
    }

    private static Task<int> InsertAuditAsync(CommandCache cache, string itemId, CurationState? from, CurationState to,
        string? reasonCode, string? reason, Actor actor, string? runId, string now, CancellationToken ct) =>
        ExecuteAsync(cache, """
            INSERT INTO curation_audit (item_id, from_state, to_state, reason_code, reason, actor_kind, actor, prompt_version, run_id, at)
            VALUES (@id, @from, @to, @reason_code, @reason, @actor_kind, @actor, @prompt, @run, @now)
            """, ct,
            ("@id", itemId), ("@from", from?.ToStorage()), ("@to", to.ToStorage()), ("@reason_code", reasonCode), ("@reason", reason),
            ("@actor_kind", actor.Kind.ToString().ToLowerInvariant()), ("@actor", actor.Name), ("@prompt", actor.PromptVersion), ("@run", runId), ("@now", now));

    public async Task<IReadOnlyDictionary<string, ItemArtifact>> GetArtifactsAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null,
            "SELECT kind, revision, content, actor_kind, actor, prompt_version, created_at FROM curation_artifacts WHERE item_id = @id ORDER BY kind, revision", ("@id", itemId));
        var latest = new Dictionary<string, ItemArtifact>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = reader.GetString(0);
            latest[kind] = new ItemArtifact(itemId, kind, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2),
                ReadActor(reader, 3), StoreTime.Parse(reader.GetString(6)));
        }

        return latest;
    }

    public async IAsyncEnumerable<AuditEvent> ReadAuditAsync(string? itemId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        const string Columns = "seq, item_id, from_state, to_state, reason_code, reason, actor_kind, actor, prompt_version, run_id, at";
        using var command = itemId is null
            ? Command(connection, null, $"SELECT {Columns} FROM curation_audit ORDER BY seq")
            : Command(connection, null, $"SELECT {Columns} FROM curation_audit WHERE item_id = @id ORDER BY seq", ("@id", itemId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AuditEvent(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1),
                reader.IsDBNull(2) ? null : CurationStates.Parse(reader.GetString(2)), CurationStates.Parse(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                ReadActor(reader, 6), reader.IsDBNull(9) ? null : reader.GetString(9), StoreTime.Parse(reader.GetString(10)));
        }
    }

    private static Actor ReadActor(DbDataReader reader, int first) =>
        new(Enum.Parse<ActorKind>(reader.GetString(first), ignoreCase: true), reader.GetString(first + 1), reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2));
}
