using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Curation.Exchange;
using Inkstone.Curation.Review;
using Inkstone.Datasets;
using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Tests.Curation;

/// <summary>Annotation import, score import and gate, review assignment and decision rule, export.</summary>
public abstract class HumanWorkflowTests : IAsyncLifetime
{
    private TempWorkspaceStore _temp = null!;

    /// <summary>The database for one test: null for SQLite in the test's folder; PostgreSQL subclasses open a fresh database.</summary>
    protected virtual Func<string, Task<IWorkspaceStore>>? DatabaseFactory => null;

    public async ValueTask InitializeAsync() => _temp = await TempWorkspaceStore.CreateAsync(DatabaseFactory);

    public async ValueTask DisposeAsync()
    {
        await _temp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Json(object o) => JsonSerializer.Serialize(o) + "\n";

    private async Task SeedReadyAsync(params string[] ids) =>
        await _temp.Items.InsertItemsAsync([.. ids.Select(id => new NewCurationItem
        {
            Id = id, Text = $"{id}的正文。", TextHash = id, CharCount = 5, Source = new SourceLocation("f", "line 1"), State = CurationState.Ready, Genre = "essay",
            Provenance = new Provenance { Platform = "weibo", PublishedAt = new DateTimeOffset(2023, 3, 4, 0, 0, 0, TimeSpan.FromHours(8)) },
        })], Actor.System("test"), cancellationToken: Ct);

    private static object Scores(string id, int articleQuality) => new
    {
        source_id = id, scorer = "s1", article_quality = articleQuality, article_creativity = 9, query_quality = 8, query_creativity = 8, thought_quality = 8, thought_creativity = 9,
    };

    [Fact]
    public async Task ImportAnnotations_ValidMissingUnknownAndRepeated_AppliedOnceWithLocatedErrors()
    {
        await SeedReadyAsync("a", "b");
        var file = _temp.WriteFile("ann.jsonl", Json(new { source_id = "a", annotator = "ann1", query = "写一篇散文", thought = "先立意", specialised = true })
            + Json(new { source_id = "b", annotator = "ann1", query = "写" }) + Json(new { source_id = "zz", annotator = "x", query = "q", thought = "t" }));
        var report = await new AnnotationImporter(_temp.Items).ImportAsync(file, cancellationToken: Ct);
        Assert.Equal(1, report.Applied["annotated"]);
        Assert.Equal([("line 2", "thought"), ("line 3", "source_id")], report.Errors.Select(e => (e.Location.Record, e.Field)).ToArray());
        var a = (await _temp.Items.GetItemAsync("a", Ct))!;
        Assert.Equal((CurationState.Annotated, true), (a.State, a.NeedsSpecialist));
        Assert.Equal(Actor.Person("ann1"), (await _temp.Items.ReadAuditAsync("a", Ct).ToListAsync(Ct))[^1].Actor);

        var again = await new AnnotationImporter(_temp.Items).ImportAsync(file, cancellationToken: Ct);
        Assert.Equal(1, again.AlreadyApplied);
        Assert.Empty(again.Applied);
    }

    [Fact]
    public async Task ImportScores_GatePassAndFailAndOutOfRange_ScoredReviseAndError()
    {
        await SeedReadyAsync("pass", "fail", "bad");
        var ann = _temp.WriteFile("ann.csv", "source_id,annotator,query,thought\npass,ann1,q1,t1\nfail,ann1,q2,t2\nbad,ann1,q3,t3\n");
        await new AnnotationImporter(_temp.Items).ImportAsync(ann, cancellationToken: Ct);
        // pass: 10+9+8+8+8+9 = 52 ≥ 50, each ≥ 8; fail: 7+9+8+8+8+9 = 49 and a 7.
        var bad = new Dictionary<string, object>(StringComparer.Ordinal) { ["source_id"] = "bad", ["scorer"] = "s1", ["article_quality"] = 11 };
        var file = _temp.WriteFile("scores.jsonl", Json(Scores("pass", 10)) + Json(Scores("fail", 7)) + JsonSerializer.Serialize(bad) + "\n");
        var report = await new ScoreImporter(_temp.Items, ScoreGate.Paper).ImportAsync(file, cancellationToken: Ct);
        Assert.Equal(1, report.Applied["scored"]);
        Assert.Equal(1, report.Applied["revise(gate)"]);
        Assert.Equal(("article_quality", "line 3"), (Assert.Single(report.Errors).Field, report.Errors[0].Location.Record));
        Assert.Equal("total 49 < 50", (await _temp.Items.GetItemAsync("fail", Ct))!.Reason);
    }

    private async Task<string> ScoredAsync(string id, bool specialised = false, string annotator = "ann1")
    {
        await SeedReadyAsync(id);
        await new AnnotationImporter(_temp.Items).ImportAsync(_temp.WriteFile($"{id}.ann.jsonl", Json(new { source_id = id, annotator, query = "q", thought = "t", specialised })), cancellationToken: Ct);
        await new ScoreImporter(_temp.Items, ScoreGate.Paper).ImportAsync(_temp.WriteFile($"{id}.scores.jsonl", Json(Scores(id, 10))), cancellationToken: Ct);
        return id;
    }

    [Fact]
    public async Task Assign_StandardAndSpecialised_TwoOrFourReviewersNeverTheAnnotator()
    {
        await ScoredAsync("std");
        await ScoredAsync("spec", specialised: true);
        var service = new ReviewService(_temp.Items, new WorkspaceConfig.ReviewConfig());
        var report = await service.AssignAsync(["ann1", "r1", "r2", "r3", "r4"], cancellationToken: Ct);
        Assert.Equal(2, report.Assigned);
        var reviews = await _temp.Items.ListReviewsAsync(null, Ct);
        Assert.Equal(2, reviews.Count(r => r.ItemId == "std"));
        Assert.Equal(4, reviews.Count(r => r.ItemId == "spec"));
        Assert.DoesNotContain(reviews, r => r.ItemId is "std" or "spec" && r.Reviewer == "ann1");
        Assert.Empty(report.Problems);

        // Specialised, annotated by r1: of r1–r4 only three are eligible, so it stays scored with a problem reported.
        await ScoredAsync("few", specialised: true, annotator: "r1");
        var second = await service.AssignAsync(["r1", "r2", "r3", "r4"], cancellationToken: Ct);
        Assert.Equal(0, second.Assigned);
        Assert.Equal("few", Assert.Single(second.Problems).Location.File);
        Assert.Equal(CurationState.Scored, (await _temp.Items.GetItemAsync("few", Ct))!.State);
    }

    [Fact]
    public async Task ImportDecisions_RuleAndExport_AcceptedRemovedReviseAndReleasedFields()
    {
        foreach (var id in new[] { "acc", "rem", "rev" }) await ScoredAsync(id);
        var service = new ReviewService(_temp.Items, new WorkspaceConfig.ReviewConfig());
        await service.AssignAsync(["r1", "r2"], cancellationToken: Ct);
        var exported = Path.Combine(_temp.Directory, "open.jsonl");
        Assert.Equal(6, await service.ExportAssignmentsAsync(exported, cancellationToken: Ct));

        var decisions = _temp.WriteFile("dec.jsonl", string.Concat(
            Json(new { source_id = "acc", reviewer = "r1", decision = "accept" }), Json(new { source_id = "acc", reviewer = "r2", decision = "accept" }),
            Json(new { source_id = "rem", reviewer = "r1", decision = "accept" }), Json(new { source_id = "rem", reviewer = "r2", decision = "remove", reason = "factual_error", comment = "时代错置" }),
            Json(new { source_id = "rev", reviewer = "r1", decision = "revise", comment = "思路跳跃" }),
            Json(new { source_id = "rev", reviewer = "r2", decision = "remove", reason = "boring" })));
        var report = await service.ImportDecisionsAsync(decisions, cancellationToken: Ct);
        Assert.Equal(("reason", "line 6"), (Assert.Single(report.Errors).Field, report.Errors[0].Location.Record));
        Assert.Equal(CurationState.Accepted, (await _temp.Items.GetItemAsync("acc", Ct))!.State);
        Assert.Equal((CurationState.Removed, "factual_error"), ((await _temp.Items.GetItemAsync("rem", Ct))!.State, (await _temp.Items.GetItemAsync("rem", Ct))!.ReasonCode));
        Assert.Equal(CurationState.InReview, (await _temp.Items.GetItemAsync("rev", Ct))!.State); // r2 has not decided validly yet

        await service.ImportDecisionsAsync(_temp.WriteFile("dec2.jsonl", Json(new { source_id = "rev", reviewer = "r2", decision = "accept" })), cancellationToken: Ct);
        var rev = (await _temp.Items.GetItemAsync("rev", Ct))!;
        Assert.Equal((CurationState.Revise, "review", "r1: 思路跳跃"), (rev.State, rev.ReasonCode, rev.Reason));

        var output = Path.Combine(_temp.Directory, "out.jsonl");
        Assert.Equal(1, await new TripletExporter(_temp.Items).ExportAsync(output, Ct));
        using var line = JsonDocument.Parse(File.ReadAllLines(output).Single());
        var root = line.RootElement;
        Assert.Equal(("acc", "q", "t", "acc的正文。"), (root.GetProperty("id").GetString(), root.GetProperty("query").GetString(), root.GetProperty("thought").GetString(), root.GetProperty("answer").GetString()));
        var metadata = root.GetProperty("metadata");
        Assert.Equal(("essay", 10, 9, 8, 8, 8, 9), (metadata.GetProperty("genre").GetString(), metadata.GetProperty("quality_score").GetInt32(), metadata.GetProperty("creativity_score").GetInt32(),
            metadata.GetProperty("query_quality_score").GetInt32(), metadata.GetProperty("query_creativity_score").GetInt32(), metadata.GetProperty("thought_quality_score").GetInt32(), metadata.GetProperty("thought_creativity_score").GetInt32()));
        Assert.Equal(("accepted", "weibo", "ann1"), (metadata.GetProperty("review_state").GetString(), metadata.GetProperty("platform").GetString(), metadata.GetProperty("annotator").GetString()));
        Assert.Equal(new DateTimeOffset(2023, 3, 4, 0, 0, 0, TimeSpan.FromHours(8)), metadata.GetProperty("published_at").GetDateTimeOffset());
        Assert.Equal(["r1", "r2"], metadata.GetProperty("reviewers").EnumerateArray().Select(e => e.GetString()).ToArray());

        // The same triplet through Parquet and back: scores, provenance and the extra metadata survive.
        var parquet = Path.Combine(_temp.Directory, "out.parquet");
        Assert.Equal(1, await new TripletExporter(_temp.Items).ExportAsync(parquet, DatasetFormat.Parquet, Ct));
        var entries = new List<DatasetEntry>();
        await foreach (var entry in DatasetReader.ReadAsync(parquet, DatasetReadOptions.Default, Ct)) entries.Add(entry);
        var triplet = Assert.Single(entries, e => e.IsAccepted).Triplet!;
        Assert.Equal(("acc", "q", "t", "acc的正文。", "essay"), (triplet.Id, triplet.Query, triplet.Thought, triplet.Answer, triplet.GenreId));
        Assert.Equal(52, triplet.Scores!.Total);
        Assert.Equal((ReviewState.Accepted, "weibo"), (triplet.ReviewState, triplet.Provenance!.Platform));
        Assert.Equal(new DateTimeOffset(2023, 3, 4, 0, 0, 0, TimeSpan.FromHours(8)), triplet.Provenance.PublishedAt);
        Assert.Equal(["r1", "r2"], triplet.ExtraMetadata!["reviewers"].EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.DoesNotContain(entries, e => !e.IsAccepted);

        var status = await new CurationStatusService(_temp.Items).ComputeAsync(15, Ct);
        Assert.Equal(3, status.Total);
        var firstReview = status.Rates.Single(r => r.Stage == "first review");
        Assert.Equal((3L, 1L), (firstReview.Decided, firstReview.Passed));
        Assert.Equal([new CurationStatus.Bucket("2023-03", 1)], status.Months);
    }
    [Fact]
    public async Task ImportDates_HeldItems_DateStoredAuditedAndGateReapplied()
    {
        await _temp.Items.InsertItemsAsync([.. new[] { "new", "old", "free" }.Select(id => new NewCurationItem
        {
            Id = id, Text = $"{id}的正文。", TextHash = id, CharCount = 5, Source = new SourceLocation("f", "line 1"),
            State = id == "free" ? CurationState.Ingested : CurationState.Held, ReasonCode = id == "free" ? null : "undated", Reason = id == "free" ? null : "no publication date",
        })], Actor.System("test"), cancellationToken: Ct);
        var file = _temp.WriteFile("dates.jsonl", string.Concat(
            Json(new { source_id = "new", published_at = "2023-05-01T08:00:00+08:00", by = "editor1" }),
            Json(new { source_id = "old", published_at = "2021-12-31T23:00:00+08:00" }),
            Json(new { source_id = "free", published_at = "2023-05-01T08:00:00+08:00", by = "editor1" }),
            Json(new { source_id = "new", published_at = "not a date", by = "editor1" })));
        var importer = new PublishedDateImporter(_temp.Items, new DateOnly(2022, 10, 1));
        var report = await importer.ImportAsync(file, defaultBy: "editor2", cancellationToken: Ct);

        Assert.Equal(new Dictionary<string, long> { ["ingested"] = 1, ["rejected(date)"] = 1 }, report.Applied);
        Assert.Equal([("source_id", "line 3"), ("published_at", "line 4")], report.Errors.Select(e => (e.Field, e.Location.Record)).ToArray());
        var released = (await _temp.Items.GetItemAsync("new", Ct))!;
        Assert.Equal((CurationState.Ingested, "date_supplied"), (released.State, released.ReasonCode));
        Assert.Equal(new DateTimeOffset(2023, 5, 1, 8, 0, 0, TimeSpan.FromHours(8)), released.Provenance!.PublishedAt);
        var old = (await _temp.Items.GetItemAsync("old", Ct))!;
        Assert.Equal((CurationState.Rejected, "date"), (old.State, old.ReasonCode));

        var audit = new List<AuditEvent>();
        await foreach (var e in _temp.Items.ReadAuditAsync("old", Ct)) audit.Add(e);
        Assert.Equal(Actor.Person("editor2"), audit[^1].Actor);

        // Importing the same date again changes nothing.
        var again = await importer.ImportAsync(_temp.WriteFile("again.jsonl", Json(new { source_id = "new", published_at = "2023-05-01T08:00:00+08:00", by = "editor1" })), cancellationToken: Ct);
        Assert.Equal((1L, 0), (again.AlreadyApplied, again.Errors.Count));
    }
}
