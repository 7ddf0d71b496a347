using System.Collections.Concurrent;
using Inkstone.Curation.Assessment;
using Inkstone.Curation.Modeling;
using Inkstone.Model;

namespace Inkstone.Tests.Curation;

/// <summary>A scripted model: answers from functions of the text, counts every call, fails when told to.</summary>
internal sealed class FakeCurationModel : ICurationModel
{
    public string ModelId => "fake-model";
    public bool AssessesFiveDimensions => true;
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);
    public Func<string, FiveDimensionScores?> Assess { get; set; } = _ => new FiveDimensionScores(8, 8, 8, 8, 8);
    public Func<string, ScreeningScores?> Screen { get; set; } = _ => new ScreeningScores(8, 7, "ok");
    public Func<string, bool> Usable { get; set; } = _ => true;
    public Func<string, AssessmentScores?> Scores { get; set; } = _ => null;

    private ModelResult<T> Answer<T>(string method, string text, T? value, string prompt)
    {
        Calls.AddOrUpdate($"{method}:{text}", 1, (_, n) => n + 1);
        return value is null ? new ModelResult<T>(default, prompt, "scripted failure") : new ModelResult<T>(value, prompt, null);
    }

    public Task<ModelResult<FiveDimensionScores>> AssessAsync(string article, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer("assess", article, Assess(article), "assess-v1"));

    public Task<ModelResult<ScreeningScores>> ScreenAsync(string article, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer("screen", article, Screen(article), "screen-v1"));

    public Task<ModelResult<UsabilityVerdict>> PreAnalyzeAsync(string article, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer("usability", article, new UsabilityVerdict(Usable(article), "分析"), "usability-v1"));

    public Task<ModelResult<string>> AnalyzeArticleAsync(string article, string? genre, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer("analyze", article, "文章分析", "analyze-v1"));

    public Task<ModelResult<string>> AnalyzeArticleAndQueryAsync(string article, string query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer("analyze_query", article, "提示分析", "analyze-query-v1"));

    public Task<ModelResult<AssessmentScores>> ScoreAsync(string article, string query, string thought, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer("score", article, Scores(article), "score-v1"));

    public Task<ModelResult<ReverseEngineeringDraft>> DraftAsync(string article, string? genre, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer("draft", article, new ReverseEngineeringDraft("草稿提示", "草稿思路"), "draft-v1"));
}
