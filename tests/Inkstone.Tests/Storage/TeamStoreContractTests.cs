using Inkstone.Curation;
using Inkstone.Storage;
using Inkstone.Team;

namespace Inkstone.Tests.Storage;

/// <summary>
/// The team store on both databases: the SQLite subclass runs in the unit suite, the PostgreSQL subclass (same source
/// file) in the integration suite. Claims, stale saves and one-time invitations are what people rely on.
/// </summary>
public abstract class TeamStoreContractTests
{
    protected abstract Task<IWorkspaceStore> OpenStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(10);

    private async Task<(IWorkspaceStore Store, SqlCurationStore Items, SqlTeamStore Team)> OpenAsync()
    {
        var store = await OpenStoreAsync();
        return (store, new SqlCurationStore(store), new SqlTeamStore(store));
    }

    private static Person NewPerson(string id, params TeamRole[] roles) => new()
    {
        Id = id, DisplayName = id.ToUpperInvariant(), Roles = new SortedSet<TeamRole>(roles), SecurityStamp = "s-" + id, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static async Task SeedAsync(SqlCurationStore items, int count, CurationState state)
    {
        await items.InsertItemsAsync([.. Enumerable.Range(0, count).Select(i => new NewCurationItem
        {
            Id = $"it{i:D3}", Text = $"第{i}篇", TextHash = $"h{i}", CharCount = 3, Source = new SourceLocation("in.jsonl", $"line {i + 1}"), State = state,
        })], Actor.System("test"), cancellationToken: Ct);
    }

    [Fact]
    public async Task AddPerson_SameIdTwice_SecondRefused_RolesRoundTrip()
    {
        var (store, _, team) = await OpenAsync();
        await using var _ = store;
        Assert.True(await team.AddPersonAsync(NewPerson("ann1", TeamRole.Annotator, TeamRole.Reviewer), "admin", Ct));
        Assert.False(await team.AddPersonAsync(NewPerson("ann1", TeamRole.Admin), "admin", Ct));
        var person = await team.GetPersonAsync("ann1", Ct);
        Assert.NotNull(person);
        Assert.Equal([TeamRole.Annotator, TeamRole.Reviewer], person.Roles.Order());
        Assert.Equal("ANN1", person.DisplayName);
        Assert.Null(person.PasswordHash);
        Assert.Contains(await team.ListEventsAsync(10, Ct), e => e.Action == "person_added" && e.Subject == "ann1" && e.Actor == "admin");
    }

    [Fact]
    public async Task SetDisabledAndPassword_ChangeSecurityStamp()
    {
        var (store, _, team) = await OpenAsync();
        await using var _ = store;
        await team.AddPersonAsync(NewPerson("rev1", TeamRole.Reviewer), "admin", Ct);
        Assert.True(await team.SetPasswordHashAsync("rev1", "HASH", "admin", Ct));
        var afterPassword = (await team.GetPersonAsync("rev1", Ct))!;
        Assert.Equal("HASH", afterPassword.PasswordHash);
        Assert.NotEqual("s-rev1", afterPassword.SecurityStamp);
        Assert.True(await team.SetDisabledAsync("rev1", true, "admin", Ct));
        var disabled = (await team.GetPersonAsync("rev1", Ct))!;
        Assert.True(disabled.Disabled);
        Assert.NotEqual(afterPassword.SecurityStamp, disabled.SecurityStamp);
        Assert.False(await team.SetDisabledAsync("nobody", true, "admin", Ct));
    }

    [Fact]
    public async Task Invitation_WorksOnce_ExpiredAndUnknownRefused()
    {
        var (store, _, team) = await OpenAsync();
        await using var _ = store;
        await team.AddPersonAsync(NewPerson("ann1", TeamRole.Annotator), "admin", Ct);
        await team.CreateInvitationAsync("ann1", "tok-hash", DateTimeOffset.UtcNow.AddDays(1), "admin", Ct);
        await team.CreateInvitationAsync("ann1", "old-hash", DateTimeOffset.UtcNow.AddSeconds(-1), "admin", Ct);
        Assert.Equal((InvitationStatus.Valid, "ann1"), await team.CheckInvitationAsync("tok-hash", Ct));
        Assert.Equal((InvitationStatus.Valid, "ann1"), await team.RedeemInvitationAsync("tok-hash", "PW", Ct));
        Assert.Equal("PW", (await team.GetPersonAsync("ann1", Ct))!.PasswordHash);
        Assert.Equal(InvitationStatus.Used, (await team.RedeemInvitationAsync("tok-hash", "PW2", Ct)).Status);
        Assert.Equal("PW", (await team.GetPersonAsync("ann1", Ct))!.PasswordHash);
        Assert.Equal(InvitationStatus.Expired, (await team.RedeemInvitationAsync("old-hash", "PW3", Ct)).Status);
        Assert.Equal(InvitationStatus.Unknown, (await team.CheckInvitationAsync("nope", Ct)).Status);
    }

    [Fact]
    public async Task Invitation_RedeemedConcurrently_OnlyOneSucceeds()
    {
        var (store, _, team) = await OpenAsync();
        await using var _ = store;
        await team.AddPersonAsync(NewPerson("ann1", TeamRole.Annotator), "admin", Ct);
        await team.CreateInvitationAsync("ann1", "tok", DateTimeOffset.UtcNow.AddDays(1), "admin", Ct);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => team.RedeemInvitationAsync("tok", "pw" + i, Ct))));
        Assert.Single(results, r => r.Status == InvitationStatus.Valid);
    }

    [Fact]
    public async Task Draft_SaveWithStaleRevision_Refused_NothingOverwritten()
    {
        var (store, _, team) = await OpenAsync();
        await using var _ = store;
        var first = await team.SaveDraftAsync("it1", "ann1", "annotation", "{\"q\":1}", 0, Ct);
        Assert.Equal((true, 1L), (first.Saved, first.Revision));
        var second = await team.SaveDraftAsync("it1", "ann1", "annotation", "{\"q\":2}", 1, Ct);
        Assert.Equal((true, 2L), (second.Saved, second.Revision));
        var stale = await team.SaveDraftAsync("it1", "ann1", "annotation", "{\"q\":\"old tab\"}", 1, Ct);
        Assert.False(stale.Saved);
        Assert.Equal(2, stale.Revision);
        var staleNew = await team.SaveDraftAsync("it1", "ann1", "annotation", "{\"q\":\"new tab\"}", 0, Ct);
        Assert.False(staleNew.Saved);
        Assert.Equal("{\"q\":2}", (await team.GetDraftAsync("it1", "ann1", "annotation", Ct))!.Content);
        await team.DeleteDraftAsync("it1", "ann1", "annotation", Ct);
        Assert.Null(await team.GetDraftAsync("it1", "ann1", "annotation", Ct));
    }

    [Fact]
    public async Task ClaimNext_ConcurrentPeople_NeverShareAnItem_ResumeOwnClaim()
    {
        var (store, items, team) = await OpenAsync();
        await using var _ = store;
        await SeedAsync(items, 12, CurationState.Ready);
        var people = Enumerable.Range(1, 12).Select(i => $"ann{i}").ToList();
        var claimed = await Task.WhenAll(people.Select(p => Task.Run(() => team.ClaimNextForAnnotationAsync(p, s_lease, Ct))));
        Assert.All(claimed, c => Assert.NotNull(c));
        Assert.Equal(12, claimed.Distinct().Count());
        // Asking again gives each person the item they hold.
        Assert.Equal(claimed[0], await team.ClaimNextForAnnotationAsync("ann1", s_lease, Ct));
        Assert.Null(await team.ClaimNextForAnnotationAsync("ann13", s_lease, Ct));
        var item = await items.GetItemAsync(claimed[0]!, Ct);
        Assert.Equal(PersonClaims.Owner("ann1"), item!.ClaimedBy);
    }

    [Fact]
    public async Task ClaimNext_SkipsSkippedAndGoldItems_PrefersOwnRevise()
    {
        var (store, items, team) = await OpenAsync();
        await using var _ = store;
        await SeedAsync(items, 4, CurationState.Ready);
        // it003 was annotated by ann2 and sent back to revise: it goes to ann2 first, and to nobody else.
        var it3 = (await items.GetItemAsync("it003", Ct))!;
        Assert.True((await items.TransitionAsync([new StateTransition { ItemId = "it003", ExpectedVersion = it3.Version, From = CurationState.Ready, To = CurationState.Annotated, Actor = Actor.Person("ann2") }], Ct))[0]);
        it3 = (await items.GetItemAsync("it003", Ct))!;
        Assert.True((await items.TransitionAsync([new StateTransition { ItemId = "it003", ExpectedVersion = it3.Version, From = CurationState.Annotated, To = CurationState.Revise, Actor = Actor.System("review-rule"), Reason = "r1: 更具体" }], Ct))[0]);
        await team.SetGoldAsync(new GoldItem("it002", "accept", null, "参考", "admin", DateTimeOffset.UtcNow), Ct);
        await team.SkipAsync("it000", "ann1", "看不懂", Ct);

        Assert.Equal("it003", await team.ClaimNextForAnnotationAsync("ann2", s_lease, Ct));
        Assert.Equal("it001", await team.ClaimNextForAnnotationAsync("ann1", s_lease, Ct));
        Assert.True(await team.ReleaseClaimAsync("it001", PersonClaims.Owner("ann1"), Ct));
        await team.SkipAsync("it001", "ann1", "太长", Ct);
        Assert.Null(await team.ClaimNextForAnnotationAsync("ann1", s_lease, Ct));

        var audit = new List<AuditEvent>();
        await foreach (var e in items.ReadAuditAsync("it000", Ct)) audit.Add(e);
        var skip = Assert.Single(audit, e => e.ReasonCode == "skipped");
        Assert.Equal((ActorKind.Person, "ann1", "看不懂"), (skip.Actor.Kind, skip.Actor.Name, skip.Reason));
        Assert.Equal(skip.From, skip.To);
    }

    [Fact]
    public async Task ClaimItem_HeldByAnother_Refused_RenewAndRelease()
    {
        var (store, items, team) = await OpenAsync();
        await using var _ = store;
        await SeedAsync(items, 1, CurationState.Ready);
        CurationState[] states = [CurationState.Ready];
        Assert.True(await team.ClaimItemAsync("it000", states, "person:a", s_lease, Ct));
        Assert.False(await team.ClaimItemAsync("it000", states, "person:b", s_lease, Ct));
        Assert.True(await team.ClaimItemAsync("it000", states, "person:a", s_lease, Ct));
        Assert.True(await team.RenewClaimAsync("it000", "person:a", s_lease, Ct));
        Assert.False(await team.RenewClaimAsync("it000", "person:b", s_lease, Ct));
        Assert.False(await team.ReleaseClaimAsync("it000", "person:b", Ct));
        Assert.True(await team.ReleaseClaimAsync("it000", "person:a", Ct));
        Assert.True(await team.ClaimItemAsync("it000", states, "person:b", s_lease, Ct));
        Assert.False(await team.ClaimItemAsync("it000", [CurationState.Scored], "person:b", s_lease, Ct));
    }

    [Fact]
    public async Task ClaimItem_LapsedLease_TakenOver()
    {
        var (store, items, team) = await OpenAsync();
        await using var _ = store;
        await SeedAsync(items, 1, CurationState.Ready);
        Assert.True(await team.ClaimItemAsync("it000", [CurationState.Ready], "person:a", TimeSpan.FromMilliseconds(-1), Ct));
        Assert.True(await team.ClaimItemAsync("it000", [CurationState.Ready], "person:b", s_lease, Ct));
        Assert.False(await team.RenewClaimAsync("it000", "person:a", s_lease, Ct));
    }

    [Fact]
    public async Task Guidelines_Versioned_LatestAndOlder()
    {
        var (store, _, team) = await OpenAsync();
        await using var _ = store;
        Assert.Null(await team.GetGuidelineAsync("annotation", null, Ct));
        var v1 = await team.PublishGuidelineAsync("annotation", "# 指南 v1", "admin", Ct);
        var v2 = await team.PublishGuidelineAsync("annotation", "# 指南 v2", "admin", Ct);
        await team.PublishGuidelineAsync("review", "# 审核", "admin", Ct);
        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal("# 指南 v2", (await team.GetGuidelineAsync("annotation", null, Ct))!.Markdown);
        Assert.Equal("# 指南 v1", (await team.GetGuidelineAsync("annotation", 1, Ct))!.Markdown);
        Assert.Equal([2, 1], (await team.ListGuidelinesAsync("annotation", Ct)).Select(g => g.Version));
        await Assert.ThrowsAsync<ArgumentException>(() => team.PublishGuidelineAsync("other", "x", "admin", Ct));
    }

    [Fact]
    public async Task GoldAndCalibration_FirstAnswerStands()
    {
        var (store, items, team) = await OpenAsync();
        await using var _ = store;
        await SeedAsync(items, 2, CurationState.Accepted);
        await team.SetGoldAsync(new GoldItem("it000", "accept", "{\"article_quality\":9}", "好", "admin", DateTimeOffset.UtcNow), Ct);
        await team.SetGoldAsync(new GoldItem("it000", "revise", null, "改", "admin", DateTimeOffset.UtcNow), Ct);
        var gold = Assert.Single(await team.ListGoldAsync(Ct));
        Assert.Equal(("revise", null, "改"), (gold.Decision, gold.ScoresJson, gold.Note));
        Assert.True(await team.RecordCalibrationAsync(new CalibrationAnswer("ann1", "it000", "accept", null, DateTimeOffset.UtcNow), Ct));
        Assert.False(await team.RecordCalibrationAsync(new CalibrationAnswer("ann1", "it000", "remove", null, DateTimeOffset.UtcNow), Ct));
        Assert.True(await team.RecordCalibrationAsync(new CalibrationAnswer("ann2", "it000", "revise", null, DateTimeOffset.UtcNow), Ct));
        Assert.Equal("accept", Assert.Single(await team.ListCalibrationAsync("ann1", Ct)).Decision);
        Assert.Equal(2, (await team.ListCalibrationAsync(null, Ct)).Count);
        Assert.True(await team.RemoveGoldAsync("it000", "admin", Ct));
        Assert.False(await team.RemoveGoldAsync("it000", "admin", Ct));
    }
}
