using System.Globalization;
using System.Text;
using Inkstone.Evaluation.Queries;
using Inkstone.Llm.Middleware;
using Microsoft.Extensions.AI;

namespace Inkstone.Evaluation.Generation;

/// <summary>
/// Runs every query through every model configuration, <see cref="GenerationRunOptions.Samples"/> times, appending each
/// result to a JSONL file as it arrives. Resumable: items whose (query, model, sample) already has a successful record
/// are skipped, failed ones are tried again. A failed call is recorded with its error, never with an invented answer.
/// </summary>
public sealed class GenerationRunner(GenerationRunOptions? options = null)
{
    private readonly GenerationRunOptions _options = options ?? new GenerationRunOptions();

    public async Task<GenerationRunSummary> RunAsync(IReadOnlyList<BenchmarkQuery> queries, IReadOnlyList<GenerationModel> models, string resultsPath,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(models);
        var duplicate = models.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"model configuration '{duplicate.Key}' is listed twice", nameof(models));

        var (existing, _) = await GenerationResultsFile.ReadAsync(resultsPath, cancellationToken).ConfigureAwait(false);
        var done = existing.Where(r => r.Succeeded).Select(r => (r.QueryId, r.Model, r.Sample)).ToHashSet();
        var pending = new List<(BenchmarkQuery Query, GenerationModel Model, int Sample)>();
        var skipped = 0;
        foreach (var q in queries)
            foreach (var m in models)
                for (var s = 0; s < _options.Samples; s++)
                {
                    if (done.Contains((q.Id, m.Name, s))) skipped++;
                    else pending.Add((q, m, s));
                }

        int generated = 0, failed = 0;
        await using var writer = new StreamWriter(resultsPath, append: true, new UTF8Encoding(false));
        using var gate = new SemaphoreSlim(1, 1);
        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var record = await GenerateAsync(item.Query, item.Model, item.Sample, ct).ConfigureAwait(false);
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    await GenerationResultsFile.AppendAsync(writer, record, ct).ConfigureAwait(false);
                    if (record.Succeeded) generated++;
                    else failed++;
                }
                finally
                {
                    gate.Release();
                }
                _options.Progress?.Invoke(record);
            }).ConfigureAwait(false);
        return new GenerationRunSummary(generated, skipped, failed);
    }

    /// <summary>
    /// The model's options, tagged for the model layer's cache with a per-sample request id: sample k of a query is its own
    /// cached request, so samples 0…n−1 are n answers while a re-run of the same sample is answered from the cache.
    /// The cache layer removes the tag before the request is sent.
    /// </summary>
    internal static ChatOptions RequestOptions(GenerationModel model, int sample)
    {
        var options = model.Options?.Clone() ?? new ChatOptions();
        options.AdditionalProperties = new AdditionalPropertiesDictionary(options.AdditionalProperties ?? [])
        {
            [LlmRequestProperties.PromptId] = string.Create(CultureInfo.InvariantCulture, $"{SamplePromptId}{sample}"),
            [LlmRequestProperties.PromptVersion] = 1,
        };
        return options;
    }

    /// <summary>Request id prefix of a generation in the response cache and its audit column (<c>generate.sample0@v1</c>, …).</summary>
    public const string SamplePromptId = "generate.sample";

    private async Task<GenerationRecord> GenerateAsync(BenchmarkQuery query, GenerationModel model, int sample, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>();
        if (!string.IsNullOrWhiteSpace(model.SystemPrompt)) messages.Add(new ChatMessage(ChatRole.System, model.SystemPrompt));
        messages.Add(new ChatMessage(ChatRole.User, query.Query));
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        try
        {
            var response = await model.Client.GetResponseAsync(messages, RequestOptions(model, sample), cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
            var (answer, inlineReasoning) = ThinkSplitter.Split(response.Text);
            // Servers that return reasoning separately (reasoning_content) give it as reasoning content items.
            var separate = string.Join("\n\n", response.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>().Select(r => r.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
            var reasoning = string.Join("\n\n", new[] { separate, inlineReasoning }.Where(r => !string.IsNullOrEmpty(r)));
            return new GenerationRecord(query.Id, model.Name, sample, answer, reasoning.Length == 0 ? null : reasoning,
                response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, elapsed, response.FinishReason?.Value, null, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new GenerationRecord(query.Id, model.Name, sample, null, null, null, null, time.GetElapsedTime(started).TotalMilliseconds, null,
                $"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow());
        }
    }
}
