using Inkstone.Curation;
using Inkstone.Curation.Modeling;
using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Tests.Curation;

public abstract partial class CurationPipelineTests : IAsyncLifetime
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

    private static string Text(int i) => string.Concat(Enumerable.Range(0, 12).Select(k => $"第{i}篇第{k}句写了不一样的内容。\n")).TrimEnd();

    private async Task SeedAsync(int count, CurationState state = CurationState.Ingested) =>
        await _temp.Items.InsertItemsAsync([.. Enumerable.Range(0, count).Select(i => new NewCurationItem
        {
            Id = $"i{i:D3}", Text = Text(i), TextHash = $"h{i}", CharCount = Text(i).Length, Source = new SourceLocation("f", $"line {i + 1}"), State = state,
        })], Actor.System("test"), cancellationToken: Ct);

    private CurationPipeline Pipeline(WorkspaceConfig config, ICurationModel? model) => new(_temp.Items, CurationStages.Create(config, _temp.Items, model));

    private async Task<Dictionary<string, long>> Counts() =>
        (await _temp.Items.CountByStateAsync(Ct)).GroupBy(c => c.State.ToStorage()).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

    [Fact]
    public async Task Run_NoModel_RuleStagesRunAndModelStagesSkippedWithReason()
    {
        await SeedAsync(5);
        var reports = await Pipeline(new WorkspaceConfig(), null).RunAsync(new PipelineRunOptions(), cancellationToken: Ct);
        Assert.Equal(5, reports.Single(r => r.Stage == "assess").Outcomes["assessed"]);
        Assert.Contains("no model configured", reports.Single(r => r.Stage == "screen").Skipped, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, long> { ["assessed"] = 5 }, await Counts());
    }

    [Fact]
    public async Task Run_WithModel_ScreensAgainstThresholdsAndRecordsModelActor()
    {
        await SeedAsync(6);
        var model = new FakeCurationModel { Screen = t => t.StartsWith("第0篇", StringComparison.Ordinal) ? new(5, 9, "weak") : new(8, 8, "good") };
        await Pipeline(new WorkspaceConfig(), model).RunAsync(new PipelineRunOptions(), cancellationToken: Ct);
        Assert.Equal(new Dictionary<string, long> { ["ready"] = 5, ["rejected"] = 1 }, await Counts());
        var rejected = (await _temp.Items.GetItemAsync("i000", Ct))!;
        Assert.Equal(("screening", "article quality 5 < 6"), (rejected.ReasonCode, rejected.Reason));
        var screenEvent = (await _temp.Items.ReadAuditAsync("i001", Ct).ToListAsync(Ct)).Single(e => e.From == CurationState.Assessed);
        Assert.Equal(Actor.Model("fake-model", "screen-v1"), screenEvent.Actor);
        Assert.Contains("article_analysis", (await _temp.Items.GetArtifactsAsync("i001", Ct)).Keys);
    }

    [Fact]
    public async Task Run_ModelFailsThenRecovers_QuarantinedThenRetriedOnNextRun()
    {
        await SeedAsync(4);
        var failing = true;
        var model = new FakeCurationModel { Screen = t => failing && t.StartsWith("第2篇", StringComparison.Ordinal) ? null : new(8, 8, "ok") };
        await Pipeline(new WorkspaceConfig(), model).RunAsync(new PipelineRunOptions(), cancellationToken: Ct);
        var quarantined = (await _temp.Items.GetItemAsync("i002", Ct))!;
        Assert.Equal((CurationState.Quarantined, "screen", CurationState.Assessed), (quarantined.State, quarantined.ReasonCode, quarantined.ReturnState!.Value));
        Assert.Equal("scripted failure", quarantined.Reason);

        failing = false;
        var reports = await Pipeline(new WorkspaceConfig(), model).RunAsync(new PipelineRunOptions(), cancellationToken: Ct);
        Assert.Equal(1, reports.Single(r => r.Stage == "screen").Requeued);
        Assert.Equal(new Dictionary<string, long> { ["ready"] = 4 }, await Counts());
        Assert.Equal(2, model.Calls[$"screen:{Text(2)}"]);
        Assert.Equal(1, model.Calls[$"screen:{Text(1)}"]); // finished items are never called again
    }

    [Fact]
    public async Task Run_ModelAssessment_LowScoresRejectedFailureQuarantinedThenRetried()
    {
        await SeedAsync(4);
        var failing = true;
        var model = new FakeCurationModel
        {
            Assess = t => t.StartsWith("第0篇", StringComparison.Ordinal) ? new(8, 8, 3, 8, 8)
                : failing && t.StartsWith("第1篇", StringComparison.Ordinal) ? null : new(8, 8, 8, 8, 8),
        };
        var options = new PipelineRunOptions { Stages = ["assess"] };
        await Pipeline(new WorkspaceConfig(), model).RunAsync(options, cancellationToken: Ct);
        var rejected = (await _temp.Items.GetItemAsync("i000", Ct))!;
        Assert.Equal((CurationState.Rejected, "assessment", "model: error_correction 3 < 5"), (rejected.State, rejected.ReasonCode, rejected.Reason));
        Assert.Contains("llm_assessment", (await _temp.Items.GetArtifactsAsync("i000", Ct)).Keys);
        var quarantined = (await _temp.Items.GetItemAsync("i001", Ct))!;
        Assert.Equal((CurationState.Quarantined, "assess", CurationState.Ingested), (quarantined.State, quarantined.ReasonCode, quarantined.ReturnState!.Value));

        failing = false;
        var reports = await Pipeline(new WorkspaceConfig(), model).RunAsync(options, cancellationToken: Ct);
        Assert.Equal(1, reports.Single(r => r.Stage == "assess").Requeued);
        Assert.Equal(new Dictionary<string, long> { ["assessed"] = 3, ["rejected"] = 1 }, await Counts());
        Assert.Equal(2, model.Calls[$"assess:{Text(1)}"]);
        Assert.Equal(1, model.Calls[$"assess:{Text(2)}"]);
        var assessEvent = (await _temp.Items.ReadAuditAsync("i001", Ct).ToListAsync(Ct)).Single(e => e.To == CurationState.Assessed);
        Assert.Equal(Actor.Model("fake-model", "assess-v1"), assessEvent.Actor);
    }

    [Fact]
    public async Task Run_TwoPipelinesConcurrently_EachItemProcessedOnce()
    {
        await SeedAsync(60);
        var model = new FakeCurationModel();
        var config = new WorkspaceConfig();
        var options = new PipelineRunOptions { Stages = ["assess", "screen"], Concurrency = 3 };
        await Task.WhenAll(Task.Run(() => Pipeline(config, model).RunAsync(options, cancellationToken: Ct)), Task.Run(() => Pipeline(config, model).RunAsync(options, cancellationToken: Ct)));
        Assert.Equal(new Dictionary<string, long> { ["screened"] = 60 }, await Counts());
        Assert.All(model.Calls, c => Assert.Equal(1, c.Value));
        Assert.Equal(120, model.Calls.Count); // assess + screen per item
    }

    [Fact]
    public async Task Run_LimitAndStageSelection_OnlyThatManyItemsOfThatStage()
    {
        await SeedAsync(10);
        var reports = await Pipeline(new WorkspaceConfig(), null).RunAsync(new PipelineRunOptions { Stages = ["assess"], Limit = 3 }, cancellationToken: Ct);
        Assert.Equal(3, Assert.Single(reports).Processed);
        Assert.Equal(new Dictionary<string, long> { ["assessed"] = 3, ["ingested"] = 7 }, await Counts());
    }

    [Fact]
    public async Task Run_UnknownStage_ThrowsListingStages()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Pipeline(new WorkspaceConfig(), null).RunAsync(new PipelineRunOptions { Stages = ["scren"] }, cancellationToken: Ct));
        Assert.Contains("assess, screen, analyze", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelScoringAndDrafts_DraftedWaitsAndGateDecides()
    {
        await SeedAsync(2, CurationState.Ready);
        var config = new WorkspaceConfig { Drafts = new() { Enabled = true }, Gate = new() { Scorer = "model" } };
        var model = new FakeCurationModel();
        await Pipeline(config, model).RunAsync(new PipelineRunOptions(), cancellationToken: Ct);
        Assert.Equal(new Dictionary<string, long> { ["drafted"] = 2 }, await Counts());
        Assert.Contains("query_analysis", (await _temp.Items.GetArtifactsAsync("i000", Ct)).Keys);
    }
}
