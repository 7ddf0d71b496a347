using Inkstone.Curation.Assessment;
using Inkstone.Llm;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;
using Inkstone.Model;

namespace Inkstone.Curation.Modeling;

/// <summary>
/// <see cref="ICurationModel"/> over the model layer: each step renders its versioned prompt and asks the model of its
/// role (screening — which also answers the initial assessment —, analysis, drafting, scoring). A failed call or an answer that fails validation comes back as a
/// diagnostic naming the prompt, so the stage quarantines the item; nothing is ever filled with a default.
/// <see cref="ModelResult{T}.PromptVersion"/> is the prompt key (<c>id@vN</c>, several joined by <c>+</c> for
/// multi-call steps) and <see cref="ModelResult{T}.ModelId"/> the answering model's id.
/// </summary>
public sealed class LlmCurationModel(LlmSession session) : ICurationModel
{
    /// <summary>Filled into prompts that name the genre when an item has none.</summary>
    public const string UnknownGenre = "文学";

    /// <summary>The screening model's id: the actor named when a stage fails before any call.</summary>
    public string ModelId => Id(session.Model(ModelRoles.Screening));

    /// <summary>The initial assessment asks the screening-role model (<c>assess.article</c>).</summary>
    public bool AssessesFiveDimensions => true;

    /// <summary>One call on the screening role: the five dimensions of paper §2.1, 1–10 each.</summary>
    public async Task<ModelResult<FiveDimensionScores>> AssessAsync(string article, CancellationToken cancellationToken = default)
    {
        var call = await RunAsync<InitialAssessmentResult>(PromptIds.AssessArticle, ModelRoles.Screening, Vars(("article", article)), cancellationToken).ConfigureAwait(false);
        return call.Map(a => new FiveDimensionScores(a.ContentCompleteness, a.FormatStandardization, a.ErrorCorrection, a.LogicalConsistency, a.Creativity)
        {
            Reason = string.IsNullOrWhiteSpace(a.Reason) ? null : a.Reason.Trim(),
        });
    }

    public async Task<ModelResult<ScreeningScores>> ScreenAsync(string article, CancellationToken cancellationToken = default)
    {
        var call = await RunAsync<ScoreResult>(PromptIds.ScreenArticle, ModelRoles.Screening, Vars(("article", article)), cancellationToken).ConfigureAwait(false);
        return call.Map(s => new ScreeningScores(s.Quality, s.Creativity, null));
    }

    public async Task<ModelResult<UsabilityVerdict>> PreAnalyzeAsync(string article, CancellationToken cancellationToken = default)
    {
        var call = await RunAsync<UsabilityResult>(PromptIds.UsabilityPreAnalysis, ModelRoles.Analysis, Vars(("article", article)), cancellationToken).ConfigureAwait(false);
        return call.Map(u => new UsabilityVerdict(u.Usable, u.Reason));
    }

    public async Task<ModelResult<string>> AnalyzeArticleAsync(string article, string? genre, CancellationToken cancellationToken = default)
    {
        var call = await RunTextAsync(PromptIds.AnalyzeArticle, ModelRoles.Analysis, Vars(("article", article), ("genre", genre ?? UnknownGenre)), cancellationToken).ConfigureAwait(false);
        return call.Map(text => text);
    }

    public async Task<ModelResult<string>> AnalyzeArticleAndQueryAsync(string article, string query, CancellationToken cancellationToken = default)
    {
        var call = await RunTextAsync(PromptIds.AnalyzeArticleQuery, ModelRoles.Analysis, Vars(("article", article), ("query", query)), cancellationToken).ConfigureAwait(false);
        return call.Map(text => text);
    }

    /// <summary>Three calls, two dimensions each (paper D.4–D.6); the first failure is the result's diagnostic.</summary>
    public async Task<ModelResult<AssessmentScores>> ScoreAsync(string article, string query, string thought, CancellationToken cancellationToken = default)
    {
        var articleScore = await RunAsync<ScoreResult>(PromptIds.ScoreArticle, ModelRoles.Scoring, Vars(("article", article), ("query", query)), cancellationToken).ConfigureAwait(false);
        if (!articleScore.Succeeded) return articleScore.Fail<AssessmentScores>();
        var queryScore = await RunAsync<ScoreResult>(PromptIds.ScoreQuery, ModelRoles.Scoring, Vars(("article", article), ("query", query)), cancellationToken).ConfigureAwait(false);
        if (!queryScore.Succeeded) return queryScore.Fail<AssessmentScores>();
        var thoughtScore = await RunAsync<ScoreResult>(PromptIds.ScoreThought, ModelRoles.Scoring, Vars(("article", article), ("query", query), ("thought", thought)), cancellationToken).ConfigureAwait(false);
        if (!thoughtScore.Succeeded) return thoughtScore.Fail<AssessmentScores>();
        var scores = new AssessmentScores
        {
            ArticleQuality = articleScore.Value!.Quality, ArticleCreativity = articleScore.Value.Creativity,
            QueryQuality = queryScore.Value!.Quality, QueryCreativity = queryScore.Value.Creativity,
            ThoughtQuality = thoughtScore.Value!.Quality, ThoughtCreativity = thoughtScore.Value.Creativity,
        };
        return new ModelResult<AssessmentScores>(scores, Join(articleScore, queryScore, thoughtScore), null) { ModelId = thoughtScore.ModelId };
    }

    /// <summary>The query first, then the thought written from article and that query; both stay a draft.</summary>
    public async Task<ModelResult<ReverseEngineeringDraft>> DraftAsync(string article, string? genre, CancellationToken cancellationToken = default)
    {
        var query = await RunTextAsync(PromptIds.DraftQuery, ModelRoles.Drafting, Vars(("article", article), ("genre", genre ?? UnknownGenre)), cancellationToken).ConfigureAwait(false);
        if (!query.Succeeded) return query.Fail<ReverseEngineeringDraft>();
        var thought = await RunTextAsync(PromptIds.DraftThought, ModelRoles.Drafting, Vars(("article", article), ("query", query.Value!.Trim())), cancellationToken).ConfigureAwait(false);
        if (!thought.Succeeded) return thought.Fail<ReverseEngineeringDraft>();
        return new ModelResult<ReverseEngineeringDraft>(new ReverseEngineeringDraft(query.Value.Trim(), thought.Value!.Trim()), Join(query, thought), null) { ModelId = thought.ModelId };
    }

    private async Task<ModelResult<T>> RunAsync<T>(string promptId, string role, Dictionary<string, string> variables, CancellationToken cancellationToken)
        where T : class, IValidatedResult
    {
        var template = session.Prompt(promptId);
        var model = session.Model(role);
        var outcome = await session.Runner.RunAsync<T>(template, variables, model, cancellationToken).ConfigureAwait(false);
        return ToResult(outcome, template, model);
    }

    private async Task<ModelResult<string>> RunTextAsync(string promptId, string role, Dictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var template = session.Prompt(promptId);
        var model = session.Model(role);
        var outcome = await session.Runner.RunTextAsync(template, variables, model, cancellationToken).ConfigureAwait(false);
        return ToResult(outcome, template, model);
    }

    private static ModelResult<T> ToResult<T>(LlmOutcome<T> outcome, PromptTemplate template, ModelConfiguration model) where T : class =>
        outcome.IsSuccess
            ? new ModelResult<T>(outcome.Value, template.Key, null) { ModelId = Id(model) }
            : new ModelResult<T>(null, template.Key, $"{template.Key} on {Id(model)}: {outcome.Failure}") { ModelId = Id(model), Failure = outcome.Failure };

    /// <summary>The id sent to the server (or the GGUF name), falling back to the configuration's name.</summary>
    private static string Id(ModelConfiguration model) => model.Model.Length > 0 ? model.Model : model.Name;

    private static string Join(params ReadOnlySpan<ModelResult<string>> calls) => JoinKeys([.. calls.ToArray().Select(c => c.PromptVersion)]);

    private static string Join(params ReadOnlySpan<ModelResult<ScoreResult>> calls) => JoinKeys([.. calls.ToArray().Select(c => c.PromptVersion)]);

    private static string JoinKeys(IEnumerable<string> keys) => string.Join('+', keys);

    private static Dictionary<string, string> Vars(params ReadOnlySpan<(string Name, string Value)> pairs)
    {
        var variables = new Dictionary<string, string>(pairs.Length, StringComparer.Ordinal);
        foreach (var (name, value) in pairs) variables[name] = value;
        return variables;
    }
}
