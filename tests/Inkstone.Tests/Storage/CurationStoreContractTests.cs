using Inkstone.Curation;
using Inkstone.Curation.Dedup;
using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Tests.Storage;

/// <summary>
/// The behaviour every workspace store must have. The SQLite subclass runs in the unit suite; the PostgreSQL subclass
/// (same source file, compiled into the integration suite) runs against a private cluster.
/// </summary>
public abstract class CurationStoreContractTests
{
    private static readonly Actor s_ingest = Actor.System("ingest");

    /// <summary>
    /// Opens a store on this test's own database; every call within one test reaches the same database. The curation
    /// migrations up to <paramref name="curationVersion"/> are applied (all by default), then <paramref name="additionalMigrations"/>.
    /// </summary>
    protected abstract Task<IWorkspaceStore> OpenStoreAsync(IEnumerable<SchemaMigration>? additionalMigrations = null, int curationVersion = int.MaxValue);

    private static readonly (string, int)[] s_curationVersions = [.. CurationSchema.Migrations.Select(m => (m.Module, m.Version)).Order()];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(IWorkspaceStore Store, SqlCurationStore Items)> OpenAsync()
    {
        var store = await OpenStoreAsync();
        return (store, new SqlCurationStore(store));
    }

    private static NewCurationItem Item(string id, string text, CurationState state = CurationState.Ingested) => new()
    {
        Id = id,
        Text = text,
        TextHash = "hash:" + text,
        CharCount = text.EnumerateRunes().Count(),
        Source = new SourceLocation("in.jsonl", "line 1"),
    };

    [Fact]
    public async Task Open_Twice_AppliesEachMigrationOnce()
    {
        await using (await OpenStoreAsync()) { }
        await using var store = await OpenStoreAsync();
        var applied = await store.ListAppliedMigrationsAsync(Ct);
        Assert.Equal(s_curationVersions, applied.Select(m => (m.Module, m.Version)).ToArray());
        Assert.Equal(4, s_curationVersions.Length);
    }

    [Fact]
    public async Task Open_WithAnotherModulesMigrations_AppliesThemInVersionOrder()
    {
        SchemaMigration[] extra =
        [
            new("test_module", 2, "add column", "ALTER TABLE test_cache ADD COLUMN hits INTEGER NOT NULL DEFAULT 0", "ALTER TABLE test_cache ADD COLUMN hits INTEGER NOT NULL DEFAULT 0"),
            new("test_module", 1, "create", "CREATE TABLE test_cache (k TEXT PRIMARY KEY, v TEXT)", "CREATE TABLE test_cache (k TEXT PRIMARY KEY, v TEXT)"),
        ];
        await using (await OpenStoreAsync(extra)) { }
        await using var store = await OpenStoreAsync(extra);
        var applied = await store.ListAppliedMigrationsAsync(Ct);
        Assert.Equal([.. s_curationVersions, ("test_module", 1), ("test_module", 2)], applied.Select(m => (m.Module, m.Version)).ToArray());
        var rows = await store.WriteAsync(async (c, t, ct) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "INSERT INTO test_cache (k, v, hits) VALUES ('a', 'b', 3)";
            return await command.ExecuteNonQueryAsync(ct);
        }, Ct);
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task Open_DatabaseNewerThanCode_ThrowsSchemaException()
    {
        SchemaMigration[] v2 = [new("test_module", 1, "a", "CREATE TABLE t1 (x INTEGER)", "CREATE TABLE t1 (x INTEGER)"), new("test_module", 2, "b", "CREATE TABLE t2 (x INTEGER)", "CREATE TABLE t2 (x INTEGER)")];
        await using (await OpenStoreAsync(v2)) { }
        var ex = await Assert.ThrowsAsync<WorkspaceSchemaException>(async () => await OpenStoreAsync([v2[0]]));
        Assert.Contains("test_module", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsertItems_NewItem_RoundTripsFieldsAndRecordsCreationEvent()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        var published = new DateTimeOffset(2023, 5, 6, 7, 8, 9, TimeSpan.FromHours(8));
        var item = Item("a1", "春眠不觉晓") with
        {
            Title = "春晓", Genre = "poetry", Signature = [1, 2, 3],
            Provenance = new Provenance { Url = "https://x/1", Platform = "weibo", Author = "孟", PublishedAt = published, Engagement = new Engagement(10, null, 3) },
        };
        var results = await items.InsertItemsAsync([item], s_ingest, "run-1", cancellationToken: Ct);
        Assert.Equal(InsertOutcome.Inserted, results.Single().Outcome);

        var stored = await items.GetItemAsync("a1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(CurationState.Ingested, stored.State);
        Assert.Equal(1, stored.Version);
        Assert.Equal("春眠不觉晓", stored.Text);
        Assert.Equal(5, stored.CharCount);
        Assert.Equal("春晓", stored.Title);
        Assert.Equal("weibo", stored.Provenance!.Platform);
        Assert.Equal(published, stored.Provenance.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(8), stored.Provenance.PublishedAt!.Value.Offset);
        Assert.Equal(new Engagement(10, null, 3), stored.Provenance.Engagement);
        Assert.Equal(new SourceLocation("in.jsonl", "line 1"), stored.Source);

        var audit = await items.ReadAuditAsync("a1", Ct).ToListAsync(Ct);
        var created = Assert.Single(audit);
        Assert.Null(created.From);
        Assert.Equal(CurationState.Ingested, created.To);
        Assert.Equal(s_ingest, created.Actor);
        Assert.Equal("run-1", created.RunId);

        var signatures = await items.ReadSignaturesAsync(Ct).ToListAsync(Ct);
        Assert.Equal([1, 2, 3], Assert.Single(signatures).Signature);
    }

    [Fact]
    public async Task InsertItems_SameTextUnderNewId_StoredRejectedAsDuplicateOfFirst()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        await items.InsertItemsAsync([Item("a", "同一段文字")], s_ingest, cancellationToken: Ct);
        var second = await items.InsertItemsAsync([Item("b", "同一段文字") with { Signature = [9] }], s_ingest, cancellationToken: Ct);
        Assert.Equal(new InsertResult("b", InsertOutcome.ExactDuplicate, "a"), second.Single());
        var b = await items.GetItemAsync("b", Ct);
        Assert.Equal(CurationState.Rejected, b!.State);
        Assert.Equal("duplicate", b.ReasonCode);
        Assert.Empty(await items.ReadSignaturesAsync(Ct).ToListAsync(Ct)); // a had none; b's was dropped as a duplicate's
    }

    [Fact]
    public async Task InsertItems_IdRepeatedWithinOneBatch_LaterCopyConflictsAndLeavesNoContentKey()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        var results = await items.InsertItemsAsync([Item("n", "文本丙"), Item("n", "文本丁"), Item("n", "文本丙"), Item("m", "文本丁")], s_ingest, cancellationToken: Ct);
        Assert.Equal([InsertOutcome.Inserted, InsertOutcome.IdConflict, InsertOutcome.AlreadyPresent, InsertOutcome.Inserted], results.Select(r => r.Outcome).ToArray());
        Assert.Equal(CurationState.Ingested, (await items.GetItemAsync("m", Ct))!.State); // the conflicting text claimed no content key
    }

    [Fact]
    public async Task InsertItems_ExistingId_AlreadyPresentOrConflictAndNothingWritten()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        await items.InsertItemsAsync([Item("a", "文本甲")], s_ingest, cancellationToken: Ct);
        var again = await items.InsertItemsAsync([Item("a", "文本甲"), Item("a", "文本乙")], s_ingest, cancellationToken: Ct);
        Assert.Equal([InsertOutcome.AlreadyPresent, InsertOutcome.IdConflict], again.Select(r => r.Outcome).ToArray());
        Assert.Single(await items.ReadAuditAsync(null, Ct).ToListAsync(Ct));
        Assert.Equal("文本甲", (await items.GetItemAsync("a", Ct))!.Text);
    }

    [Fact]
    public async Task Transition_CurrentVersion_AppliesWithAuditArtifactsAndUpdates()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        await items.InsertItemsAsync([Item("a", "文本")], s_ingest, cancellationToken: Ct);
        var actor = Actor.Model("qwen", "screen-v1");
        var applied = await items.TransitionAsync([new StateTransition
        {
            ItemId = "a", ExpectedVersion = 1, From = CurationState.Ingested, To = CurationState.Assessed, Actor = actor, Reason = "ok",
            Artifacts = [new ArtifactWrite("assessment", """{"x":1}""")], Genre = "novel", NeedsSpecialist = true, RunId = "r",
        }], Ct);
        Assert.Equal([true], applied);
        var item = await items.GetItemAsync("a", Ct);
        Assert.Equal((CurationState.Assessed, 2L, "novel", true), (item!.State, item.Version, item.Genre, item.NeedsSpecialist));
        var artifact = (await items.GetArtifactsAsync("a", Ct))["assessment"];
        Assert.Equal(("""{"x":1}""", 2L, actor), (artifact.Json, artifact.Revision, artifact.Actor));
        var last = (await items.ReadAuditAsync("a", Ct).ToListAsync(Ct))[^1];
        Assert.Equal((CurationState.Ingested, CurationState.Assessed, actor, "ok"), (last.From!.Value, last.To, last.Actor, last.Reason));
    }

    [Fact]
    public async Task Transition_StaleVersionOrWrongState_NotAppliedAndNothingWritten()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        await items.InsertItemsAsync([Item("a", "文本")], s_ingest, cancellationToken: Ct);
        var stale = new StateTransition { ItemId = "a", ExpectedVersion = 7, From = CurationState.Ingested, To = CurationState.Assessed, Actor = s_ingest, Artifacts = [new ArtifactWrite("k", "{}")] };
        var wrongState = stale with { ExpectedVersion = 1, From = CurationState.Ready };
        Assert.Equal([false, false], await items.TransitionAsync([stale, wrongState], Ct));
        Assert.Equal(1, (await items.GetItemAsync("a", Ct))!.Version);
        Assert.Empty(await items.GetArtifactsAsync("a", Ct));
        Assert.Single(await items.ReadAuditAsync("a", Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Transition_ConcurrentWritersOnSeparateConnections_ExactlyOneWins()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        await items.InsertItemsAsync([Item("a", "文本")], s_ingest, cancellationToken: Ct);
        var stores = new List<IWorkspaceStore>();
        for (var i = 0; i < 6; i++) stores.Add(await OpenStoreAsync());
        var results = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => new SqlCurationStore(s).TransitionAsync([new StateTransition
        {
            ItemId = "a", ExpectedVersion = 1, From = CurationState.Ingested, To = CurationState.Assessed, Actor = Actor.Person("w" + i),
        }], Ct))));
        foreach (var s in stores) await s.DisposeAsync();
        Assert.Equal(1, results.Count(r => r[0]));
        Assert.Equal(2, (await items.ReadAuditAsync("a", Ct).ToListAsync(Ct)).Count);
    }

    [Fact]
    public async Task Transition_ConcurrentReadModifyWriteLoops_NoLostUpdates()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        await items.InsertItemsAsync([Item("a", "文本") with { State = CurationState.Ready }], s_ingest, cancellationToken: Ct);
        const int Writers = 4, Each = 15;
        var stores = new List<IWorkspaceStore>();
        for (var i = 0; i < Writers; i++) stores.Add(await OpenStoreAsync());
        await Task.WhenAll(stores.Select((s, w) => Task.Run(async () =>
        {
            var mine = new SqlCurationStore(s);
            for (var done = 0; done < Each;)
            {
                var current = (await mine.GetItemAsync("a", Ct))!;
                var ok = await mine.TransitionAsync([new StateTransition
                {
                    ItemId = "a", ExpectedVersion = current.Version, From = CurationState.Ready, To = CurationState.Ready, Actor = Actor.Person($"w{w}"),
                    Artifacts = [new ArtifactWrite("note", $"{{\"writer\":{w},\"n\":{done}}}")],
                }], Ct);
                if (ok[0]) done++;
            }
        })));
        foreach (var s in stores) await s.DisposeAsync();
        Assert.Equal(1 + (Writers * Each), (await items.GetItemAsync("a", Ct))!.Version);
        var audit = await items.ReadAuditAsync("a", Ct).ToListAsync(Ct);
        Assert.Equal(1 + (Writers * Each), audit.Count);
        Assert.Equal(Each, audit.Count(e => e.Actor.Name == "w0"));
    }

    [Fact]
    public async Task ListWorkers_ClaimsAndRecentTransitions_PerRunWithItsProcess()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = await OpenStoreAsync();
        await using var _ = store;
        var items = new SqlCurationStore(store, time);
        await items.InsertItemsAsync([.. Enumerable.Range(0, 6).Select(i => Item($"i{i}", $"文本{i}"))], s_ingest, cancellationToken: Ct);
        await items.TransitionAsync([new StateTransition { ItemId = "i5", ExpectedVersion = 1, From = CurationState.Ingested, To = CurationState.Assessed, Actor = s_ingest, RunId = "old" }], Ct);
        time.Advance(TimeSpan.FromMinutes(5));
        await items.ClaimAsync(CurationState.Ingested, "host-a/11/runA:assess", 3, TimeSpan.FromMinutes(10), Ct);
        await items.ClaimAsync(CurationState.Ingested, "host-a/11/runA:screen", 1, TimeSpan.FromMinutes(10), Ct);
        await items.TransitionAsync([new StateTransition { ItemId = "i4", ExpectedVersion = 1, From = CurationState.Ingested, To = CurationState.Assessed, Actor = s_ingest, RunId = "runB" }], Ct);

        var workers = await items.ListWorkersAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Equal([new WorkerActivity("runA", "host-a/11", 4, 0), new WorkerActivity("runB", null, 0, 1)], workers);
    }

    [Fact]
    public async Task Claim_TwoOwners_GetDisjointItemsAndTransitionReleasesClaim()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = await OpenStoreAsync();
        await using var _ = store;
        var items = new SqlCurationStore(store, time);
        await items.InsertItemsAsync([.. Enumerable.Range(0, 5).Select(i => Item($"i{i}", $"文本{i}"))], s_ingest, cancellationToken: Ct);
        var first = await items.ClaimAsync(CurationState.Ingested, "w1", 3, TimeSpan.FromMinutes(1), Ct);
        var second = await items.ClaimAsync(CurationState.Ingested, "w2", 3, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(["i0", "i1", "i2"], first.Select(i => i.Id).ToArray());
        Assert.Equal(["i3", "i4"], second.Select(i => i.Id).ToArray());
        Assert.Equal(["w1", "w2"], await items.ListClaimOwnersAsync(Ct));
        Assert.Empty(await items.ClaimAsync(CurationState.Ingested, "w3", 3, TimeSpan.FromMinutes(1), Ct));

        await items.TransitionAsync([new StateTransition { ItemId = "i0", ExpectedVersion = 1, From = CurationState.Ingested, To = CurationState.Assessed, Actor = s_ingest }], Ct);
        Assert.Null((await items.GetItemAsync("i0", Ct))!.ClaimedBy);
        Assert.Equal(2, await items.ReleaseClaimsAsync("w1", Ct));
        Assert.Equal(["i1", "i2"], (await items.ClaimAsync(CurationState.Ingested, "w3", 5, TimeSpan.FromMinutes(1), Ct)).Select(i => i.Id).ToArray());

        time.Advance(TimeSpan.FromMinutes(2)); // every lease has expired
        Assert.Equal(["i1", "i2", "i3", "i4"], (await items.ClaimAsync(CurationState.Ingested, "w4", 9, TimeSpan.FromMinutes(1), Ct)).Select(i => i.Id).ToArray());
    }

    [Fact]
    public async Task CountByState_MixedStates_CountsPerStateAndReason()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        await items.InsertItemsAsync(
        [
            Item("a", "一"), Item("b", "二"), Item("c", "一"),
            Item("d", "三") with { State = CurationState.Held, ReasonCode = "undated" },
        ], s_ingest, cancellationToken: Ct);
        var counts = (await items.CountByStateAsync(Ct)).ToDictionary(c => (c.State, c.ReasonCode), c => c.Count);
        Assert.Equal(2, counts[(CurationState.Ingested, null)]);
        Assert.Equal(1, counts[(CurationState.Rejected, "duplicate")]);
        Assert.Equal(1, counts[(CurationState.Held, "undated")]);
        Assert.Equal(3, counts.Count);
    }

    [Fact]
    public async Task ReviewDecisions_AssignedAtTransition_RecordOnceAndReportConflicts()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        await items.InsertItemsAsync([Item("a", "文本") with { State = CurationState.Scored }], s_ingest, cancellationToken: Ct);
        await items.TransitionAsync([new StateTransition { ItemId = "a", ExpectedVersion = 1, From = CurationState.Scored, To = CurationState.InReview, Actor = s_ingest, Reviewers = ["r1", "r2"] }], Ct);
        Assert.Equal(1, (await items.GetItemAsync("a", Ct))!.ReviewRound);

        Assert.Equal(DecisionOutcome.Recorded, await items.RecordReviewDecisionAsync(new ReviewDecision("a", 1, "r1", ReviewDecisionKind.Accept, null, "好"), Ct));
        Assert.Equal(DecisionOutcome.AlreadyRecorded, await items.RecordReviewDecisionAsync(new ReviewDecision("a", 1, "r1", ReviewDecisionKind.Accept, null, null), Ct));
        Assert.Equal(DecisionOutcome.Conflict, await items.RecordReviewDecisionAsync(new ReviewDecision("a", 1, "r1", ReviewDecisionKind.Remove, "guideline", null), Ct));
        Assert.Equal(DecisionOutcome.NotAssigned, await items.RecordReviewDecisionAsync(new ReviewDecision("a", 1, "r9", ReviewDecisionKind.Accept, null, null), Ct));

        var reviews = await items.ListReviewsAsync("a", Ct);
        Assert.Equal([("r1", (ReviewDecisionKind?)ReviewDecisionKind.Accept, "好"), ("r2", null, null)], reviews.Select(r => (r.Reviewer, r.Decision, r.Comment)).ToArray());
    }

    [Fact]
    public async Task IngestErrors_Recorded_ListedInOrderAndCounted()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        IngestError[] errors = [new(new SourceLocation("a.jsonl", "line 3"), "text", "empty"), new(new SourceLocation("b.csv", "row 9"), null, "bad quote")];
        await items.RecordIngestErrorsAsync(errors, "r", Ct);
        Assert.Equal(errors, await items.ListIngestErrorsAsync(10, Ct));
        Assert.Equal(2, await items.CountIngestErrorsAsync(null, Ct));
    }

    [Fact]
    public async Task ListItems_ByStateAfterId_PagesInIdOrder()
    {
        var (store, items) = await OpenAsync();
        await using var _ = store;
        await items.InsertItemsAsync([Item("c", "三"), Item("a", "一"), Item("b", "二"), Item("d", "四") with { State = CurationState.Held }], s_ingest, cancellationToken: Ct);
        Assert.Equal(["a", "b"], (await items.ListItemsAsync(CurationState.Ingested, null, 2, Ct)).Select(i => i.Id).ToArray());
        Assert.Equal(["c"], (await items.ListItemsAsync(CurationState.Ingested, "b", 2, Ct)).Select(i => i.Id).ToArray());
        Assert.Equal(["c", "d"], (await items.ListItemsAsync(null, "b", 5, Ct)).Select(i => i.Id).ToArray());
    }

    private static string RandomHanzi(int seed, int length)
    {
        var random = new Random(seed);
        return new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x4E00 + 3000))]);
    }

    private static NewCurationItem Signed(string id, string text, MinHashNearDuplicateIndex index) => Item(id, text) with { Signature = index.ComputeSignature(text) };

    [Fact]
    public async Task InsertItems_ConcurrentWritersWithNearCopies_EachPairStoredOnceAndOneRejected()
    {
        // Two stores on one database stand for two ingest processes; each writes one item per transaction, the first
        // writer the originals and the second their copies with one character changed (5-gram Jaccard ≈ 0.97 ≥ 0.8).
        const int Pairs = 12;
        var index = new MinHashNearDuplicateIndex();
        var originals = Enumerable.Range(0, Pairs).Select(i => RandomHanzi(100 + i, 300)).ToArray();
        var copies = originals.Select(t => t[..150] + "变" + t[151..]).ToArray();
        var (first, firstItems) = await OpenAsync();
        var (second, secondItems) = await OpenAsync();
        await using (first)
        await using (second)
        {
            async Task WriteAsync(SqlCurationStore items, string prefix, string[] texts)
            {
                for (var i = 0; i < texts.Length; i++)
                    await items.InsertItemsAsync([Signed($"{prefix}{i}", texts[i], index)], s_ingest, nearDuplicates: index, cancellationToken: Ct);
            }

            await Task.WhenAll(Task.Run(() => WriteAsync(firstItems, "a", originals), Ct), Task.Run(() => WriteAsync(secondItems, "b", copies), Ct));

            for (var i = 0; i < Pairs; i++)
            {
                var a = (await firstItems.GetItemAsync($"a{i}", Ct))!;
                var b = (await firstItems.GetItemAsync($"b{i}", Ct))!;
                var rejected = new[] { a, b }.Where(x => x.ReasonCode == "near_duplicate").ToList();
                var kept = Assert.Single(new[] { a, b }, x => x.State == CurationState.Ingested);
                Assert.Equal($"near duplicate of {kept.Id}", Assert.Single(rejected).Reason);
            }

            var signatures = await firstItems.ReadSignaturesAsync(Ct).ToListAsync(Ct);
            Assert.Equal(Pairs, signatures.Count); // a rejected near duplicate keeps no signature
        }
    }

    [Fact]
    public async Task InsertItems_SignaturesStoredWithoutBandKeys_KeysFilledAndNearCopyRejected()
    {
        // Items written without the index (as by a build before the band keys were stored) are still found.
        var index = new MinHashNearDuplicateIndex();
        var text = RandomHanzi(7, 400);
        var (store, items) = await OpenAsync();
        await using (store)
        {
            await items.InsertItemsAsync([Signed("old", text, index), Signed("other", RandomHanzi(8, 400), index)], s_ingest, cancellationToken: Ct);
            var results = await items.InsertItemsAsync([Signed("copy", "序" + text, index)], s_ingest, nearDuplicates: index, cancellationToken: Ct);
            Assert.Equal(new InsertResult("copy", InsertOutcome.NearDuplicate, "old"), results.Single());
            var copy = (await items.GetItemAsync("copy", Ct))!;
            Assert.Equal((CurationState.Rejected, "near_duplicate"), (copy.State, copy.ReasonCode));
        }
    }

    [Fact]
    public async Task Open_VersionTwoWorkspace_MovesTextsAndSignaturesIntoTheirTable()
    {
        var index = new MinHashNearDuplicateIndex();
        var text = RandomHanzi(11, 300);
        var signature = index.ComputeSignature(text);
        await using (var old = await OpenStoreAsync(curationVersion: 2))
        {
            // Rows as a version-2 build wrote them: text and signature in the item row.
            await old.WriteAsync(async (c, t, ct) =>
            {
                using var command = c.CreateCommand();
                command.Transaction = t;
                command.CommandText = """
                    INSERT INTO curation_items (id, state, version, text, text_hash, char_count, source_file, source_record, signature, created_at, updated_at)
                    VALUES ('a', 'ingested', 1, @text, 'h1', 300, 'in.jsonl', 'line 1', @signature, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
                           ('b', 'rejected', 1, '第二篇', 'h2', 3, 'in.jsonl', 'line 2', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
                    """;
                WorkspaceStore.AddParameter(command, "@text", text);
                WorkspaceStore.AddParameter(command, "@signature", signature);
                return await command.ExecuteNonQueryAsync(ct);
            }, Ct);
        }

        var (store, items) = await OpenAsync();
        await using (store)
        {
            Assert.Equal(text, (await items.GetItemAsync("a", Ct))!.Text);
            Assert.Equal("第二篇", (await items.GetItemAsync("b", Ct))!.Text);
            var signatures = await items.ReadSignaturesAsync(Ct).ToListAsync(Ct);
            Assert.Equal("a", Assert.Single(signatures).ItemId);
            Assert.Equal(signature, signatures[0].Signature);
            var results = await items.InsertItemsAsync([Signed("copy", "序" + text, index)], s_ingest, nearDuplicates: index, cancellationToken: Ct);
            Assert.Equal(new InsertResult("copy", InsertOutcome.NearDuplicate, "a"), results.Single());
        }
    }

    [Fact]
    public async Task InsertItems_SmallBandTableMergedOften_NearCopiesFoundInBothTables()
    {
        var index = new MinHashNearDuplicateIndex();
        var originals = Enumerable.Range(0, 10).Select(i => RandomHanzi(300 + i, 300)).ToArray();
        await using var store = await OpenStoreAsync();
        var items = new SqlCurationStore(store, nearDuplicateMergeRows: 40); // a merge after every third item
        for (var i = 0; i < originals.Length; i++)
            await items.InsertItemsAsync([Signed($"a{i}", originals[i], index)], s_ingest, nearDuplicates: index, cancellationToken: Ct);

        async Task<long> CountAsync(string table) => await store.WriteAsync(async (c, t, ct) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }, Ct);

        var (large, small) = (await CountAsync("curation_near_dup_bands"), await CountAsync("curation_near_dup_recent"));
        Assert.Equal(16 * 10, large + small);
        Assert.Equal(16 * 9, large);  // merged after items 3, 6 and 9
        Assert.Equal(16, small);

        var copies = originals.Select((t, i) => Signed($"b{i}", t[..150] + "变" + t[151..], index)).ToList();
        var results = await items.InsertItemsAsync(copies, s_ingest, nearDuplicates: index, cancellationToken: Ct);
        Assert.Equal(originals.Select((_, i) => new InsertResult($"b{i}", InsertOutcome.NearDuplicate, $"a{i}")), results);
    }
}
