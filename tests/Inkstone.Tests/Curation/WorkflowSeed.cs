using Inkstone.Curation;
using Inkstone.Curation.Annotation;
using Inkstone.Curation.Scoring;
using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Tests.Curation;

/// <summary>Brings test items to a state through the services people use (annotation, scoring), one line per step.</summary>
internal sealed class WorkflowSeed(SqlCurationStore store)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>10+9+8+8+8+9 = 52: passes the paper's gate (sum ≥ 50, each ≥ 8).</summary>
    public static AssessmentScores Passing { get; } = Scores(10, 9, 8, 8, 8, 9);

    public static AssessmentScores Scores(int aq, int ac, int qq, int qc, int tq, int tc) => new()
    {
        ArticleQuality = aq, ArticleCreativity = ac, QueryQuality = qq, QueryCreativity = qc, ThoughtQuality = tq, ThoughtCreativity = tc,
    };

    public Task InsertAsync(string id, CurationState state = CurationState.Ready, string? reasonCode = null) =>
        store.InsertItemsAsync([new NewCurationItem
        {
            Id = id, Text = $"{id}的正文。", TextHash = id, CharCount = id.Length + 4, Source = new SourceLocation("f", id),
            State = state, ReasonCode = reasonCode, Title = $"{id}的标题", Genre = "essay",
        }], Actor.System("test"), cancellationToken: Ct);

    public async Task AnnotatedAsync(string id, string annotator = "ann1", bool specialised = false)
    {
        await InsertAsync(id);
        var outcome = await new AnnotationSubmission(store).SubmitAsync(new AnnotationInput
        {
            ItemId = id, Annotator = annotator, Query = $"{id}的提示", Thought = $"{id}的思路", Specialised = specialised,
        }, Ct);
        Assert.Equal(AnnotationOutcomeKind.Applied, outcome.Kind);
    }

    public async Task ScoredAsync(string id, string annotator = "ann1", bool specialised = false)
    {
        await AnnotatedAsync(id, annotator, specialised);
        var outcome = await new HumanScoring(store, ScoreGate.Paper).ScoreAsync(id, "s1", Passing, cancellationToken: Ct);
        Assert.Equal((ScoringOutcomeKind.Applied, CurationState.Scored), (outcome.Kind, outcome.To));
    }

    public async Task<CurationItem> ItemAsync(string id) => (await store.GetItemAsync(id, Ct))!;

    public async Task<List<AuditEvent>> AuditAsync(string id) => await store.ReadAuditAsync(id, Ct).ToListAsync(Ct);
}
