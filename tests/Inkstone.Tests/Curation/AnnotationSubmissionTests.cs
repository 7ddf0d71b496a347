using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Curation.Annotation;
using Inkstone.Storage;

namespace Inkstone.Tests.Curation;

public sealed class AnnotationSubmissionTests : IAsyncLifetime
{
    private TempWorkspaceStore _temp = null!;
    private WorkflowSeed _seed = null!;
    private AnnotationSubmission _submission = null!;

    public async ValueTask InitializeAsync()
    {
        _temp = await TempWorkspaceStore.CreateAsync();
        _seed = new WorkflowSeed(_temp.Items);
        _submission = new AnnotationSubmission(_temp.Items);
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AnnotationInput Input(string id, string annotator = "ann1", long? version = null, string? claimOwner = null) => new()
    {
        ItemId = id, Annotator = annotator, Query = "以秋为题写一篇散文", Thought = "先写落叶，再写人", ExpectedVersion = version, ClaimOwner = claimOwner,
    };

    [Fact]
    public async Task SubmitAsync_ReadyItemAtLoadedVersion_AnnotatedWithArtifactGenreFlagAndPersonActor()
    {
        await _seed.InsertAsync("a");
        var loaded = await _seed.ItemAsync("a");

        var outcome = await _submission.SubmitAsync(Input("a", version: loaded.Version) with { FromDraft = true, Genre = "novel", Specialised = true }, Ct);

        Assert.Equal((AnnotationOutcomeKind.Applied, loaded.Version + 1), (outcome.Kind, outcome.Version));
        var item = await _seed.ItemAsync("a");
        Assert.Equal((CurationState.Annotated, "novel", true, loaded.Version + 1), (item.State, item.Genre, item.NeedsSpecialist, item.Version));
        var last = (await _seed.AuditAsync("a"))[^1];
        Assert.Equal((Actor.Person("ann1"), "LLM draft accepted by the annotator"), (last.Actor, last.Reason));
        using var json = JsonDocument.Parse((await _temp.Items.GetArtifactsAsync("a", Ct))["annotation"].Json);
        Assert.Equal(("ann1", "以秋为题写一篇散文", "先写落叶，再写人", true),
            (json.RootElement.GetProperty("annotator").GetString(), json.RootElement.GetProperty("query").GetString(),
             json.RootElement.GetProperty("thought").GetString(), json.RootElement.GetProperty("from_draft").GetBoolean()));
    }

    [Fact]
    public async Task SubmitAsync_SameAnnotationTwice_SecondAlreadyAppliedWithoutNewEvent()
    {
        await _seed.InsertAsync("a");
        var loaded = (await _seed.ItemAsync("a")).Version;
        var first = await _submission.SubmitAsync(Input("a", version: loaded), Ct);
        var events = (await _seed.AuditAsync("a")).Count;

        // The form sent again carries the version loaded before the first send: still not an overwrite, not a Stale.
        var second = await _submission.SubmitAsync(Input("a", version: loaded), Ct);

        Assert.Equal(AnnotationOutcomeKind.Applied, first.Kind);
        Assert.Equal(AnnotationOutcomeKind.AlreadyApplied, second.Kind);
        Assert.True(second.Succeeded);
        Assert.Equal(events, (await _seed.AuditAsync("a")).Count);
    }

    [Fact]
    public async Task SubmitAsync_ItemChangedSinceLoaded_StaleAndNothingWritten()
    {
        await _seed.InsertAsync("a");
        var loaded = await _seed.ItemAsync("a");
        // Someone else moves it on (ready → drafted): still annotatable, but not the version the person loaded.
        Assert.True((await _temp.Items.TransitionAsync([new StateTransition
        {
            ItemId = "a", ExpectedVersion = loaded.Version, From = CurationState.Ready, To = CurationState.Drafted, Actor = Actor.System("test"),
        }], Ct))[0]);

        var outcome = await _submission.SubmitAsync(Input("a", version: loaded.Version), Ct);

        Assert.Equal(AnnotationOutcomeKind.Stale, outcome.Kind);
        Assert.Contains($"version {loaded.Version}, now {loaded.Version + 1}", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(CurationState.Drafted, (await _seed.ItemAsync("a")).State);
        Assert.False((await _temp.Items.GetArtifactsAsync("a", Ct)).ContainsKey("annotation"));
    }

    [Fact]
    public async Task SubmitAsync_ClaimOwner_RefusedUnlessClaimedByThatOwner()
    {
        await _seed.InsertAsync("a");
        var unclaimed = await _submission.SubmitAsync(Input("a", claimOwner: "ann1"), Ct);
        Assert.Single(await _temp.Items.ClaimAsync(CurationState.Ready, "ann2", 1, TimeSpan.FromMinutes(30), Ct));
        var otherOwner = await _submission.SubmitAsync(Input("a", claimOwner: "ann1"), Ct);
        Assert.Equal(CurationState.Ready, (await _seed.ItemAsync("a")).State);

        var owner = await _submission.SubmitAsync(Input("a", annotator: "ann2", claimOwner: "ann2"), Ct);

        Assert.Equal(AnnotationOutcomeKind.NotClaimed, unclaimed.Kind);
        Assert.Equal(AnnotationOutcomeKind.NotClaimed, otherOwner.Kind);
        Assert.Contains("claimed by 'ann2', not by 'ann1'", otherOwner.Message, StringComparison.Ordinal);
        Assert.Equal(AnnotationOutcomeKind.Applied, owner.Kind);
        Assert.Null((await _seed.ItemAsync("a")).ClaimedBy);
    }

    [Fact]
    public async Task SubmitAsync_HeldOrAnnotatedDifferently_NotAnnotatableWithReason()
    {
        await _seed.InsertAsync("held", CurationState.Held, "undated");
        await _seed.AnnotatedAsync("done");

        var held = await _submission.SubmitAsync(Input("held"), Ct);
        var done = await _submission.SubmitAsync(Input("done") with { Thought = "另一种思路" }, Ct);

        Assert.Equal(AnnotationOutcomeKind.NotAnnotatable, held.Kind);
        Assert.Contains("item 'held' is held: it is held for its publication date", held.Message, StringComparison.Ordinal);
        Assert.Equal(AnnotationOutcomeKind.NotAnnotatable, done.Kind);
        Assert.Contains("annotated already with a different annotation", done.Message, StringComparison.Ordinal);
        Assert.Equal("done的思路", RecordedAnnotation.Parse((await _temp.Items.GetArtifactsAsync("done", Ct))["annotation"].Json).Thought);
    }

    [Fact]
    public async Task SubmitAsync_MissingFieldsOrUnknownItem_InvalidOrNotFoundNamingTheField()
    {
        await _seed.InsertAsync("a");

        var noQuery = await _submission.SubmitAsync(Input("a") with { Query = "  " }, Ct);
        var noThought = await _submission.SubmitAsync(Input("a") with { Thought = null }, Ct);
        var noAnnotator = await _submission.SubmitAsync(Input("a", annotator: ""), Ct);
        var unknown = await _submission.SubmitAsync(Input("zz"), Ct);

        Assert.Equal((AnnotationOutcomeKind.Invalid, "query"), (noQuery.Kind, noQuery.Field));
        Assert.Equal((AnnotationOutcomeKind.Invalid, "thought"), (noThought.Kind, noThought.Field));
        Assert.Equal((AnnotationOutcomeKind.Invalid, "annotator"), (noAnnotator.Kind, noAnnotator.Field));
        Assert.Equal(AnnotationOutcomeKind.NotFound, unknown.Kind);
        Assert.False(noQuery.Succeeded);
        Assert.Equal(CurationState.Ready, (await _seed.ItemAsync("a")).State);
    }
}
