using System.Security.Cryptography;
using System.Text;
using Inkstone.Curation.Assessment;
using Inkstone.Curation.Modeling;
using Inkstone.Model;

namespace Inkstone.CrashWorker;

/// <summary>
/// Stands in for a model server: deterministic answers derived from a hash of the request, and every request logged
/// (appended before the answer is returned, as a server would log a request it received). Each process writes its own
/// file, <c>CALL_LOG.PID</c>: appends from several processes to one file are not atomic.
/// </summary>
internal sealed class StubCurationModel(string callLog, TimeSpan latency) : ICurationModel
{
    private readonly Lock _gate = new();

    public string ModelId => "stub-model";
    public bool AssessesFiveDimensions => true;

    private async Task<ModelResult<T>> AnswerAsync<T>(string method, string text, Func<uint, T> answer, CancellationToken cancellationToken)
    {
        var hash = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(method + "\n" + text)), 0);
        lock (_gate) File.AppendAllText($"{callLog}.{Environment.ProcessId}", $"{method}\t{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]}\n");
        if (latency > TimeSpan.Zero) await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
        return new ModelResult<T>(answer(hash), method + "-v1", null);
    }

    public Task<ModelResult<FiveDimensionScores>> AssessAsync(string article, CancellationToken cancellationToken = default) =>
        AnswerAsync("assess", article, h => new FiveDimensionScores((int)(h % 10) + 1, 8, 8, 8, 8), cancellationToken);

    public Task<ModelResult<ScreeningScores>> ScreenAsync(string article, CancellationToken cancellationToken = default) =>
        AnswerAsync("screen", article, h => new ScreeningScores((int)(h % 6) + 5, (int)((h >> 8) % 6) + 5, "stub"), cancellationToken);

    public Task<ModelResult<UsabilityVerdict>> PreAnalyzeAsync(string article, CancellationToken cancellationToken = default) =>
        AnswerAsync("usability", article, h => new UsabilityVerdict(h % 7 != 0, "stub"), cancellationToken);

    public Task<ModelResult<string>> AnalyzeArticleAsync(string article, string? genre, CancellationToken cancellationToken = default) =>
        AnswerAsync("analyze", article, h => $"analysis {h}", cancellationToken);

    public Task<ModelResult<string>> AnalyzeArticleAndQueryAsync(string article, string query, CancellationToken cancellationToken = default) =>
        AnswerAsync("analyze_query", article, h => $"query analysis {h}", cancellationToken);

    public Task<ModelResult<AssessmentScores>> ScoreAsync(string article, string query, string thought, CancellationToken cancellationToken = default) =>
        AnswerAsync("score", article, h => new AssessmentScores { ArticleQuality = 9, ArticleCreativity = 9, QueryQuality = 9, QueryCreativity = 8, ThoughtQuality = 8, ThoughtCreativity = (int)(h % 3) + 7 }, cancellationToken);

    public Task<ModelResult<ReverseEngineeringDraft>> DraftAsync(string article, string? genre, CancellationToken cancellationToken = default) =>
        AnswerAsync("draft", article, h => new ReverseEngineeringDraft($"query {h}", $"thought {h}"), cancellationToken);
}
