using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Curation.Review;
using Inkstone.Storage;

namespace Inkstone.Tests.Curation;

/// <summary>Review from a pool with experts, one-item assignment, the web's decisions and reads, and adjudication.</summary>
public sealed class ReviewServiceTests : IAsyncLifetime
{
    private TempWorkspaceStore _temp = null!;
    private WorkflowSeed _seed = null!;

    public async ValueTask InitializeAsync()
    {
        _temp = await TempWorkspaceStore.CreateAsync();
        _seed = new WorkflowSeed(_temp.Items);
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReviewService Service(bool adjudicate = false) =>
        new(_temp.Items, new WorkspaceConfig.ReviewConfig { AdjudicateDisagreements = adjudicate });

    private async Task<string[]> ReviewersOfAsync(string id) =>
        [.. (await _temp.Items.ListReviewsAsync(id, Ct)).Select(r => r.Reviewer).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task AssignAsync_PoolWithExperts_SpecialisedTakesExpertsFirstOrdinaryTakesOrdinaryReviewers()
    {
        await _seed.ScoredAsync("spec", specialised: true);
        await _seed.ScoredAsync("spec-by-expert", annotator: "e1", specialised: true);
        await _seed.ScoredAsync("std");
        var pool = new ReviewerPool(["r1", "r2", "r3", " e2 "], experts: ["e1", "e2", "e3"]);

        var report = await Service().AssignAsync(pool, cancellationToken: Ct);

        Assert.Equal(3, report.Assigned);
        Assert.Empty(report.Problems);
        Assert.Equal(["e1", "e2", "e3", "r1", "r2", "r3"], [.. pool.Experts.Concat(pool.Reviewers).Order(StringComparer.Ordinal)]);
        var spec = await ReviewersOfAsync("spec");
        Assert.Equal(4, spec.Length);
        Assert.Equal(["e1", "e2", "e3"], spec.Where(r => r.StartsWith('e')));
        // Annotated by expert e1: the two other experts, then two ordinary reviewers.
        var byExpert = await ReviewersOfAsync("spec-by-expert");
        Assert.Equal(["e2", "e3"], byExpert.Where(r => r.StartsWith('e')));
        Assert.Equal(2, byExpert.Count(r => r.StartsWith('r')));
        Assert.All(await ReviewersOfAsync("std"), r => Assert.StartsWith("r", r, StringComparison.Ordinal));
        Assert.Equal(2, (await ReviewersOfAsync("std")).Length);
    }

    [Fact]
    public async Task AssignAsync_OrdinaryItemWithOnlyExpertsLeft_ExpertsFillIn()
    {
        await _seed.ScoredAsync("std", annotator: "r1");

        var report = await Service().AssignAsync(new ReviewerPool(["r1", "r2"], experts: ["e1"]), cancellationToken: Ct);

        Assert.Equal(1, report.Assigned);
        var reviewers = await ReviewersOfAsync("std");
        Assert.Equal(["e1", "r2"], reviewers);
    }

    [Fact]
    public async Task AssignItemAsync_ScoredItems_AssignedNowLeastLoadedFirst()
    {
        await _seed.ScoredAsync("a");
        await _seed.ScoredAsync("b");
        var pool = new ReviewerPool(["r1", "r2", "r3"]);
        var service = Service();

        var first = await service.AssignItemAsync("a", pool, cancellationToken: Ct);
        var second = await service.AssignItemAsync("b", pool, cancellationToken: Ct);

        Assert.Equal(ItemAssignmentOutcomeKind.Assigned, first.Kind);
        var assigned = await ReviewersOfAsync("a");
        Assert.Equal([.. first.Reviewers.Order(StringComparer.Ordinal)], assigned);
        Assert.Equal(CurationState.InReview, (await _seed.ItemAsync("a")).State);
        // The one reviewer without an open assignment after "a" is chosen first for "b".
        var idle = Assert.Single(pool.Reviewers.Except(first.Reviewers));
        Assert.Contains(idle, second.Reviewers);
        Assert.Equal(2, second.Reviewers.Count);
    }

    [Fact]
    public async Task AssignItemAsync_NotScoredOrTooFew_RefusedAndItemUnchanged()
    {
        await _seed.AnnotatedAsync("annotated");
        await _seed.ScoredAsync("spec", specialised: true);

        var notScored = await Service().AssignItemAsync("annotated", new ReviewerPool(["r1", "r2"]), cancellationToken: Ct);
        var tooFew = await Service().AssignItemAsync("spec", new ReviewerPool(["ann1", "r1", "r2"], ["e1"]), cancellationToken: Ct);
        var missing = await Service().AssignItemAsync("zz", new ReviewerPool(["r1", "r2"]), cancellationToken: Ct);

        Assert.Equal(ItemAssignmentOutcomeKind.NotScored, notScored.Kind);
        Assert.Equal(ItemAssignmentOutcomeKind.TooFewReviewers, tooFew.Kind);
        Assert.Contains("needs 4 reviewers other than annotator 'ann1', only 3 given", tooFew.Message, StringComparison.Ordinal);
        Assert.Equal(ItemAssignmentOutcomeKind.NotFound, missing.Kind);
        Assert.Equal(CurationState.Scored, (await _seed.ItemAsync("spec")).State);
        Assert.Empty(await _temp.Items.ListReviewsAsync("spec", Ct));
    }

    private async Task<ReviewService> InReviewAsync(string id, bool adjudicate = false)
    {
        await _seed.ScoredAsync(id);
        var service = Service(adjudicate);
        Assert.Equal(ItemAssignmentOutcomeKind.Assigned, (await service.AssignItemAsync(id, new ReviewerPool(["r1", "r2"]), cancellationToken: Ct)).Kind);
        return service;
    }

    [Fact]
    public async Task GetAssignmentAsync_BeforeDeciding_OtherDecisionsHiddenAfterDecidingShown()
    {
        var service = await InReviewAsync("a");
        Assert.Equal(ReviewDecisionOutcomeKind.Recorded, (await service.DecideAsync("a", "r2", ReviewDecisionKind.Revise, null, "思路跳跃", cancellationToken: Ct)).Kind);

        var before = (await service.GetAssignmentAsync("a", "r1", Ct))!;

        Assert.Empty(before.Others);
        Assert.Null(before.Own.Decision);
        Assert.True(before.IsOpen);
        Assert.Equal(("a的提示", "a的思路", "a的正文。", 52), (before.Query, before.Thought, before.Answer, before.Scores!.Scores.Total));
        var serialized = JsonSerializer.Serialize(before);
        Assert.DoesNotContain("思路跳跃", serialized, StringComparison.Ordinal);
        Assert.DoesNotContain("Revise", serialized, StringComparison.Ordinal);

        await service.DecideAsync("a", "r1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);
        var after = (await service.GetAssignmentAsync("a", "r1", Ct))!;

        Assert.Equal(ReviewDecisionKind.Accept, after.Own.Decision);
        var other = Assert.Single(after.Others);
        Assert.Equal(("r2", ReviewDecisionKind.Revise, "思路跳跃"), (other.Reviewer, other.Decision, other.Comment));
        Assert.False(after.IsOpen);
        Assert.Null(await service.GetAssignmentAsync("a", "r3", Ct));
    }

    [Fact]
    public async Task ListOpenAssignmentsAsync_ReviewerQueue_OnlyUndecidedCurrentRounds()
    {
        var service = await InReviewAsync("a");
        await _seed.ScoredAsync("b");
        await service.AssignItemAsync("b", new ReviewerPool(["r1", "r2"]), cancellationToken: Ct);

        var queue = await service.ListOpenAssignmentsAsync("r1", Ct);
        await service.DecideAsync("a", "r1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);
        var afterDeciding = await service.ListOpenAssignmentsAsync("r1", Ct);

        Assert.Equal(["a", "b"], queue.Select(e => e.ItemId));
        Assert.Equal(("a的标题", "essay", false, 1), (queue[0].Title, queue[0].Genre, queue[0].Specialised, queue[0].Round));
        Assert.Equal(["b"], afterDeciding.Select(e => e.ItemId));
        Assert.Empty(await service.ListOpenAssignmentsAsync("r3", Ct));
    }

    [Fact]
    public async Task DecideAsync_ImportersChecks_InvalidNotAssignedConflictAlreadyAndNotInReview()
    {
        var service = await InReviewAsync("a");
        await _seed.AnnotatedAsync("annotated");

        var noReason = await service.DecideAsync("a", "r1", ReviewDecisionKind.Remove, "boring", null, cancellationToken: Ct);
        var stranger = await service.DecideAsync("a", "r9", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);
        var first = await service.DecideAsync("a", "r1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);
        var again = await service.DecideAsync("a", "r1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);
        var conflict = await service.DecideAsync("a", "r1", ReviewDecisionKind.Revise, null, null, cancellationToken: Ct);
        var notInReview = await service.DecideAsync("annotated", "r1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);

        Assert.Equal((ReviewDecisionOutcomeKind.Invalid, "reason"), (noReason.Kind, noReason.Field));
        Assert.Equal(ReviewDecisionOutcomeKind.NotAssigned, stranger.Kind);
        Assert.Equal((ReviewDecisionOutcomeKind.Recorded, (string?)null), (first.Kind, first.ResolvedTo));
        Assert.Equal(ReviewDecisionOutcomeKind.AlreadyRecorded, again.Kind);
        Assert.Equal(ReviewDecisionOutcomeKind.Conflict, conflict.Kind);
        Assert.Equal(ReviewDecisionOutcomeKind.NotInReview, notInReview.Kind);
        var last = await service.DecideAsync("a", "r2", ReviewDecisionKind.Remove, "guideline", "违规", cancellationToken: Ct);
        Assert.Equal("removed(guideline)", last.ResolvedTo);
        Assert.Equal((CurationState.Removed, "guideline"), ((await _seed.ItemAsync("a")).State, (await _seed.ItemAsync("a")).ReasonCode));
    }

    [Fact]
    public async Task DecideAsync_SplitRoundWithAdjudicationOn_StaysInReviewAwaitingAndListed()
    {
        var service = await InReviewAsync("a", adjudicate: true);

        await service.DecideAsync("a", "r1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);
        var split = await service.DecideAsync("a", "r2", ReviewDecisionKind.Revise, null, "结尾仓促", cancellationToken: Ct);

        Assert.Equal((true, (string?)null), (split.AwaitingAdjudication, split.ResolvedTo));
        Assert.Equal(CurationState.InReview, (await _seed.ItemAsync("a")).State);
        var awaiting = Assert.Single(await service.ListAwaitingAdjudicationAsync(Ct));
        Assert.Equal(("a", 1), (awaiting.Item.Id, awaiting.Round));
        Assert.Equal([("r1", ReviewDecisionKind.Accept), ("r2", ReviewDecisionKind.Revise)],
            awaiting.Decisions.Select(d => (d.Reviewer, d.Decision!.Value)).OrderBy(d => d.Reviewer, StringComparer.Ordinal));
        Assert.Empty(await Service(adjudicate: false).ListAwaitingAdjudicationAsync(Ct));
    }

    [Fact]
    public async Task DecideAsync_UnanimousRoundWithAdjudicationOn_ResolvesByTheRule()
    {
        var service = await InReviewAsync("a", adjudicate: true);

        await service.DecideAsync("a", "r1", ReviewDecisionKind.Revise, null, "太短", cancellationToken: Ct);
        var last = await service.DecideAsync("a", "r2", ReviewDecisionKind.Revise, null, "缺转折", cancellationToken: Ct);

        Assert.Equal(("revise(review)", false), (last.ResolvedTo, last.AwaitingAdjudication));
        Assert.Equal(CurationState.Revise, (await _seed.ItemAsync("a")).State);
        Assert.Empty(await service.ListAwaitingAdjudicationAsync(Ct));
    }

    private async Task<ReviewService> AwaitingAsync(string id)
    {
        var service = await InReviewAsync(id, adjudicate: true);
        await service.DecideAsync(id, "r1", ReviewDecisionKind.Accept, null, "很好", cancellationToken: Ct);
        await service.DecideAsync(id, "r2", ReviewDecisionKind.Remove, "factual_error", "时代错置", cancellationToken: Ct);
        return service;
    }

    [Fact]
    public async Task AdjudicateAsync_ThirdPerson_FinalDecisionWithArtifactAndPersonActor()
    {
        var service = await AwaitingAsync("a");
        var version = (await _seed.ItemAsync("a")).Version;

        var outcome = await service.AdjudicateAsync("a", "adj1", ReviewDecisionKind.Accept, null, "时代细节无误", version, cancellationToken: Ct);

        Assert.Equal((AdjudicationOutcomeKind.Applied, "accepted"), (outcome.Kind, outcome.ResolvedTo));
        var item = await _seed.ItemAsync("a");
        Assert.Equal((CurationState.Accepted, version + 1), (item.State, item.Version));
        var last = (await _seed.AuditAsync("a"))[^1];
        Assert.Equal((Actor.Person("adj1"), CurationState.InReview, CurationState.Accepted), (last.Actor, last.From, last.To));
        using var json = JsonDocument.Parse((await _temp.Items.GetArtifactsAsync("a", Ct))["adjudication"].Json);
        var root = json.RootElement;
        Assert.Equal(("accept", "adj1", "时代细节无误", 1), (root.GetProperty("decision").GetString(), root.GetProperty("adjudicator").GetString(),
            root.GetProperty("comment").GetString(), root.GetProperty("round").GetInt32()));
        Assert.Equal([("r1", "accept", null), ("r2", "remove", "factual_error")], root.GetProperty("decisions").EnumerateArray()
            .Select(d => (d.GetProperty("reviewer").GetString(), d.GetProperty("decision").GetString(), d.TryGetProperty("reason", out var r) ? r.GetString() : null)));
        Assert.Empty(await service.ListAwaitingAdjudicationAsync(Ct));

        var again = await service.AdjudicateAsync("a", "adj1", ReviewDecisionKind.Accept, null, "时代细节无误", version, cancellationToken: Ct);
        var other = await service.AdjudicateAsync("a", "adj2", ReviewDecisionKind.Revise, null, null, cancellationToken: Ct);
        Assert.Equal(AdjudicationOutcomeKind.AlreadyApplied, again.Kind);
        Assert.Equal(AdjudicationOutcomeKind.NotAwaiting, other.Kind);
    }

    [Fact]
    public async Task AdjudicateAsync_RemoveWithReason_RemovedWithThatReason()
    {
        var service = await AwaitingAsync("a");

        var outcome = await service.AdjudicateAsync("a", "adj1", ReviewDecisionKind.Remove, "factual_error", null, cancellationToken: Ct);

        Assert.Equal("removed(factual_error)", outcome.ResolvedTo);
        var item = await _seed.ItemAsync("a");
        Assert.Equal((CurationState.Removed, "factual_error"), (item.State, item.ReasonCode));
        Assert.StartsWith("adjudicated by adj1 (r1 accept, r2 remove)", item.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdjudicateAsync_ReviewerAnnotatorStaleBadReason_RefusedAndItemStillAwaiting()
    {
        var service = await AwaitingAsync("a");
        var version = (await _seed.ItemAsync("a")).Version;

        var reviewer = await service.AdjudicateAsync("a", "r2", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);
        var annotator = await service.AdjudicateAsync("a", "ann1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);
        var stale = await service.AdjudicateAsync("a", "adj1", ReviewDecisionKind.Accept, null, null, version - 1, cancellationToken: Ct);
        var noReason = await service.AdjudicateAsync("a", "adj1", ReviewDecisionKind.Remove, null, null, cancellationToken: Ct);
        var off = await Service(adjudicate: false).AdjudicateAsync("a", "adj1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);

        Assert.Equal((AdjudicationOutcomeKind.NotAllowed, "adjudicator"), (reviewer.Kind, reviewer.Field));
        Assert.Contains("reviewed this round", reviewer.Message, StringComparison.Ordinal);
        Assert.Equal(AdjudicationOutcomeKind.NotAllowed, annotator.Kind);
        Assert.Contains("annotated", annotator.Message, StringComparison.Ordinal);
        Assert.Equal(AdjudicationOutcomeKind.Stale, stale.Kind);
        Assert.Equal((AdjudicationOutcomeKind.Invalid, "reason"), (noReason.Kind, noReason.Field));
        Assert.Equal(AdjudicationOutcomeKind.NotAwaiting, off.Kind);
        Assert.Equal((CurationState.InReview, version), ((await _seed.ItemAsync("a")).State, (await _seed.ItemAsync("a")).Version));
        Assert.Single(await service.ListAwaitingAdjudicationAsync(Ct));
    }

    [Fact]
    public async Task AdjudicateAsync_RoundOpenOrUnanimous_NotAwaiting()
    {
        var service = await InReviewAsync("open", adjudicate: true);
        await service.DecideAsync("open", "r1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);

        var open = await service.AdjudicateAsync("open", "adj1", ReviewDecisionKind.Accept, null, null, cancellationToken: Ct);

        Assert.Equal(AdjudicationOutcomeKind.NotAwaiting, open.Kind);
        Assert.Equal(CurationState.InReview, (await _seed.ItemAsync("open")).State);
    }

    [Fact]
    public async Task ImportDecisions_SplitRoundWithAdjudicationOn_CountedAsAwaiting()
    {
        var service = await InReviewAsync("a", adjudicate: true);
        var file = _temp.WriteFile("dec.jsonl", string.Concat(
            JsonSerializer.Serialize(new { source_id = "a", reviewer = "r1", decision = "accept" }) + "\n",
            JsonSerializer.Serialize(new { source_id = "a", reviewer = "r2", decision = "revise", comment = "再改" }) + "\n"));

        var report = await service.ImportDecisionsAsync(file, cancellationToken: Ct);

        Assert.Equal(new Dictionary<string, long> { ["decisions"] = 2, [ReviewService.AwaitingAdjudicationKey] = 1 }, report.Applied);
        Assert.Equal(CurationState.InReview, (await _seed.ItemAsync("a")).State);
    }
}
