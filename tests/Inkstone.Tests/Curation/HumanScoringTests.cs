using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Curation.Exchange;
using Inkstone.Curation.Scoring;
using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Tests.Curation;

public sealed class HumanScoringTests : IAsyncLifetime
{
    private TempWorkspaceStore _temp = null!;
    private WorkflowSeed _seed = null!;
    private HumanScoring _scoring = null!;

    public async ValueTask InitializeAsync()
    {
        _temp = await TempWorkspaceStore.CreateAsync();
        _seed = new WorkflowSeed(_temp.Items);
        _scoring = new HumanScoring(_temp.Items, ScoreGate.Paper);
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScoreAsync_PassingScores_ScoredByThePersonWithVerdictAndArtifact()
    {
        await _seed.AnnotatedAsync("a");
        var loaded = await _seed.ItemAsync("a");

        var outcome = await _scoring.ScoreAsync("a", "s1", WorkflowSeed.Passing, loaded.Version, cancellationToken: Ct);

        Assert.Equal((ScoringOutcomeKind.Applied, CurationState.Scored, (string?)null, loaded.Version + 1), (outcome.Kind, outcome.To, outcome.ReasonCode, outcome.Version));
        Assert.Equal((true, 52), (outcome.Verdict!.Passed, outcome.Verdict.Total));
        Assert.Equal(CurationState.Scored, (await _seed.ItemAsync("a")).State);
        Assert.Equal(Actor.Person("s1"), (await _seed.AuditAsync("a"))[^1].Actor);
        var sheet = ScoreSheet.Parse((await _temp.Items.GetArtifactsAsync("a", Ct))["scores"].Json);
        Assert.Equal(("s1", WorkflowSeed.Passing), (sheet.Scorer, sheet.Scores));
    }

    [Fact]
    public async Task ScoreAsync_SumBelowFifty_ReviseGateWithReason()
    {
        await _seed.AnnotatedAsync("a");

        // 7+9+8+8+8+9 = 49: below the sum, and article quality below 8.
        var outcome = await _scoring.ScoreAsync("a", "s1", WorkflowSeed.Scores(7, 9, 8, 8, 8, 9), cancellationToken: Ct);

        Assert.Equal((ScoringOutcomeKind.Applied, CurationState.Revise, "gate"), (outcome.Kind, outcome.To, outcome.ReasonCode));
        Assert.Equal([ScoreDimension.ArticleQuality], outcome.Verdict!.BelowMinimum);
        var item = await _seed.ItemAsync("a");
        Assert.Equal((CurationState.Revise, "gate", "total 49 < 50"), (item.State, item.ReasonCode, item.Reason));
    }

    [Fact]
    public async Task ScoreAsync_ScorerAnnotatedTheItem_SelfScoringRefusedAndItemStaysAnnotated()
    {
        await _seed.AnnotatedAsync("a", annotator: "ann1");

        var outcome = await _scoring.ScoreAsync("a", "ann1", WorkflowSeed.Passing, cancellationToken: Ct);

        Assert.Equal((ScoringOutcomeKind.SelfScoring, "scorer"), (outcome.Kind, outcome.Field));
        Assert.Equal(CurationState.Annotated, (await _seed.ItemAsync("a")).State);
        Assert.False((await _temp.Items.GetArtifactsAsync("a", Ct)).ContainsKey("scores"));
    }

    [Fact]
    public async Task ScoreAsync_OldVersion_StaleAndNothingWritten()
    {
        await _seed.AnnotatedAsync("a");
        var version = (await _seed.ItemAsync("a")).Version;

        var outcome = await _scoring.ScoreAsync("a", "s1", WorkflowSeed.Passing, version - 1, cancellationToken: Ct);

        Assert.Equal(ScoringOutcomeKind.Stale, outcome.Kind);
        Assert.Equal((CurationState.Annotated, version), ((await _seed.ItemAsync("a")).State, (await _seed.ItemAsync("a")).Version));
    }

    [Fact]
    public async Task ScoreAsync_SentTwiceOrNotAnnotated_AlreadyAppliedOrNotAnnotated()
    {
        await _seed.AnnotatedAsync("a");
        await _seed.InsertAsync("ready");
        await _scoring.ScoreAsync("a", "s1", WorkflowSeed.Passing, cancellationToken: Ct);
        var events = (await _seed.AuditAsync("a")).Count;

        var again = await _scoring.ScoreAsync("a", "s1", WorkflowSeed.Passing, cancellationToken: Ct);
        var different = await _scoring.ScoreAsync("a", "s2", WorkflowSeed.Passing, cancellationToken: Ct);
        var ready = await _scoring.ScoreAsync("ready", "s1", WorkflowSeed.Passing, cancellationToken: Ct);

        Assert.Equal((ScoringOutcomeKind.AlreadyApplied, CurationState.Scored), (again.Kind, again.To));
        Assert.Equal(ScoringOutcomeKind.NotAnnotated, different.Kind);
        Assert.Equal(ScoringOutcomeKind.NotAnnotated, ready.Kind);
        Assert.Equal("item 'ready' is ready; scores are accepted for annotated items", ready.Message);
        Assert.Equal(events, (await _seed.AuditAsync("a")).Count);
    }

    [Fact]
    public async Task ScoreAsync_OutOfRangeOrMissingScore_InvalidNamingTheField()
    {
        await _seed.AnnotatedAsync("a");

        var high = await _scoring.ScoreAsync("a", "s1", WorkflowSeed.Passing with { QueryQuality = 11 }, cancellationToken: Ct);
        var missing = await _scoring.ScoreAsync("a", "s1", WorkflowSeed.Passing with { ThoughtCreativity = null }, cancellationToken: Ct);
        var noScorer = await _scoring.ScoreAsync("a", " ", WorkflowSeed.Passing, cancellationToken: Ct);

        Assert.Equal((ScoringOutcomeKind.Invalid, "query_quality"), (high.Kind, high.Field));
        Assert.Equal((ScoringOutcomeKind.Invalid, "thought_creativity", "missing"), (missing.Kind, missing.Field, missing.Message));
        Assert.Equal((ScoringOutcomeKind.Invalid, "scorer"), (noScorer.Kind, noScorer.Field));
        Assert.Equal(CurationState.Annotated, (await _seed.ItemAsync("a")).State);
    }

    [Fact]
    public async Task ImportScores_ScorerIsTheAnnotator_RowReportedItemUnchanged()
    {
        await _seed.AnnotatedAsync("a", annotator: "ann1");
        var line = JsonSerializer.Serialize(new
        {
            source_id = "a", scorer = "ann1", article_quality = 10, article_creativity = 9, query_quality = 8, query_creativity = 8, thought_quality = 8, thought_creativity = 9,
        });

        var report = await new ScoreImporter(_temp.Items, ScoreGate.Paper).ImportAsync(_temp.WriteFile("s.jsonl", line + "\n"), cancellationToken: Ct);

        Assert.Empty(report.Applied);
        Assert.Equal(("scorer", "line 1"), (Assert.Single(report.Errors).Field, report.Errors[0].Location.Record));
        Assert.Equal(CurationState.Annotated, (await _seed.ItemAsync("a")).State);
    }

    [Theory]
    [InlineData(8, 8, 8, 8, 8, 8, false, false, "", "total 48 < 50")]
    [InlineData(10, 10, 10, 10, 10, 7, false, true, "ThoughtCreativity", "below 8: ThoughtCreativity")]
    [InlineData(9, 9, 8, 8, 8, 8, true, true, "", null)]
    public void GateVerdict_Of_ExplainsSumAndEachAgainstTheGate(int aq, int ac, int qq, int qc, int tq, int tc, bool passed, bool totalReached, string below, string? reason)
    {
        var verdict = GateVerdict.Of(WorkflowSeed.Scores(aq, ac, qq, qc, tq, tc), new ScoreGate(50, 8));

        Assert.Equal((passed, totalReached, reason, 50, 8), (verdict.Passed, verdict.TotalReached, verdict.Reason, verdict.MinimumTotal, verdict.MinimumEach));
        Assert.Equal(below, string.Join(",", verdict.BelowMinimum));
        Assert.Equal(aq + ac + qq + qc + tq + tc, verdict.Total);
        Assert.Empty(verdict.Missing);
    }

    [Fact]
    public void GateVerdict_Of_MissingScore_NotPassedWithMissingListedAndNoTotal()
    {
        var verdict = GateVerdict.Of(WorkflowSeed.Passing with { QueryCreativity = null }, GateVerdict.GateOf(new WorkspaceConfig.GateConfig { MinimumTotal = 40 }));

        Assert.False(verdict.Passed);
        Assert.False(verdict.TotalReached);
        Assert.Null(verdict.Total);
        Assert.Equal(40, verdict.MinimumTotal);
        Assert.Equal([ScoreDimension.QueryCreativity], verdict.Missing);
    }
}
