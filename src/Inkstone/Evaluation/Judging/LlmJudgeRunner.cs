using System.Text;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;

namespace Inkstone.Evaluation.Judging;

/// <summary>
/// Judges generations with an LLM and appends the judgments (judge kind llm) to a JSONL file that `eval report` reads.
/// Resumable: comparisons (or rubric answers) already in the file for this judge are skipped. A comparison whose answer
/// is missing, or whose judge call fails, is listed in the summary and not written.
/// </summary>
public static class LlmJudgeRunner
{
    public static async Task<LlmJudgeRunSummary> RunPairwiseAsync(LlmPairwiseJudge judge, IReadOnlyList<BenchmarkQuery> queries,
        IReadOnlyList<GenerationRecord> generations, IReadOnlyList<string> models, string outputPath, LlmJudgeRunOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(options);
        var answers = Answers(generations, options.Sample);
        var existing = await Existing(outputPath, cancellationToken).ConfigureAwait(false);
        var done = existing.Pairwise.Where(p => p.Judge == options.JudgeName && p.Sample == options.Sample)
            .Select(p => (p.QueryId, Ordered(p.ModelA, p.ModelB))).ToHashSet();

        var pairs = new List<(string A, string B)>();
        for (var i = 0; i < models.Count; i++)
            for (var j = i + 1; j < models.Count; j++)
                if (options.Baseline is null || models[i] == options.Baseline || models[j] == options.Baseline)
                    pairs.Add(models[i] == options.Baseline ? (models[j], models[i]) : (models[i], models[j]));

        var failures = new List<string>();
        var work = new List<(BenchmarkQuery Q, string A, string B)>();
        var skipped = 0;
        foreach (var q in queries)
            foreach (var (a, b) in pairs)
            {
                if (done.Contains((q.Id, Ordered(a, b)))) { skipped++; continue; }
                var missing = new[] { a, b }.Where(m => !answers.ContainsKey((q.Id, m))).ToArray();
                if (missing.Length > 0) failures.Add($"{q.Id} {a} vs {b}: no answer from {string.Join(", ", missing)}");
                else work.Add((q, a, b));
            }

        var inconsistent = 0;
        var judged = await AppendInParallelAsync(work, outputPath, options.MaxConcurrency,
            (item, ct) => judge.JudgeAsync(item.Q.Query, answers[(item.Q.Id, item.A)], answers[(item.Q.Id, item.B)], ct),
            (item, outcome) =>
            {
                if (outcome.Verdict is not { } verdict)
                {
                    failures.Add($"{item.Q.Id} {item.A} vs {item.B}: {outcome.Error}");
                    return null;
                }
                if (outcome.PositionInconsistent) inconsistent++;
                var judgment = new PairwiseJudgment(item.Q.Id, item.A, item.B, options.JudgeName, JudgeKind.Llm, verdict, "llm", judge.PromptVersion,
                    outcome.PositionInconsistent, options.Sample);
                return [JudgmentFileWriter.ToJsonLine(judgment, judge.PromptVersion)];
            }, cancellationToken).ConfigureAwait(false);
        return new LlmJudgeRunSummary(judged, skipped, inconsistent, failures);
    }

    public static async Task<LlmJudgeRunSummary> RunRubricAsync(LlmRubricJudge judge, IReadOnlyList<BenchmarkQuery> queries,
        IReadOnlyList<GenerationRecord> generations, IReadOnlyList<string> models, string outputPath, LlmJudgeRunOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(options);
        var answers = Answers(generations, options.Sample);
        var existing = await Existing(outputPath, cancellationToken).ConfigureAwait(false);
        var done = existing.Rubric.Where(r => r.Judge == options.JudgeName && r.Sample == options.Sample).Select(r => (r.QueryId, r.Model)).ToHashSet();
        var failures = new List<string>();
        var work = new List<(BenchmarkQuery Q, string Model)>();
        var skipped = 0;
        foreach (var q in queries)
            foreach (var m in models)
            {
                if (done.Contains((q.Id, m))) skipped++;
                else if (!answers.ContainsKey((q.Id, m))) failures.Add($"{q.Id} {m}: no answer");
                else work.Add((q, m));
            }
        var judged = await AppendInParallelAsync(work, outputPath, options.MaxConcurrency,
            (item, ct) => judge.ScoreAsync(item.Q.Query, answers[(item.Q.Id, item.Model)], ct),
            (item, result) =>
            {
                var (scores, error) = result;
                if (scores is null) { failures.Add($"{item.Q.Id} {item.Model}: {error}"); return null; }
                var judgment = new RubricJudgment(item.Q.Id, item.Model, options.JudgeName, JudgeKind.Llm, scores, judge.PromptVersion, options.Sample);
                return [JudgmentFileWriter.ToJsonLine(judgment, judge.PromptVersion)];
            }, cancellationToken).ConfigureAwait(false);
        return new LlmJudgeRunSummary(judged, skipped, 0, failures);
    }

    /// <summary>Labels the behaviour of every segment (reasoning, then answer) of each model's output; outputs already labelled by this judge are skipped.</summary>
    public static async Task<LlmJudgeRunSummary> RunBehaviorAsync(LlmBehaviorLabeler labeler, IReadOnlyList<BenchmarkQuery> queries,
        IReadOnlyList<GenerationRecord> generations, IReadOnlyList<string> models, string outputPath, LlmJudgeRunOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labeler);
        ArgumentNullException.ThrowIfNull(options);
        var outputs = generations.Where(g => g.Sample == options.Sample && g.Succeeded).GroupBy(g => (g.QueryId, g.Model)).ToDictionary(g => g.Key, g => g.Last());
        var (existing, _) = await BehaviorLabelFile.ReadAsync(outputPath, cancellationToken).ConfigureAwait(false);
        var done = existing.Where(l => l.Labeler == options.JudgeName && l.Sample == options.Sample).Select(l => (l.QueryId, l.Model)).ToHashSet();
        var failures = new List<string>();
        var work = new List<(BenchmarkQuery Q, GenerationRecord G)>();
        var skipped = 0;
        foreach (var q in queries)
            foreach (var m in models)
            {
                if (done.Contains((q.Id, m))) skipped++;
                else if (!outputs.TryGetValue((q.Id, m), out var g)) failures.Add($"{q.Id} {m}: no answer");
                else work.Add((q, g));
            }
        var judged = await AppendInParallelAsync(work, outputPath, options.MaxConcurrency,
            (item, ct) => labeler.LabelAsync(ReasoningBehaviors.Segments(item.G.Reasoning, item.G.Answer), ct),
            (item, result) =>
            {
                var (labels, error) = result;
                if (labels is null) { failures.Add($"{item.Q.Id} {item.G.Model}: {error}"); return null; }
                return labels.Select((l, i) => BehaviorLabelFile.ToJsonLine(new BehaviorLabel(item.Q.Id, item.G.Model, options.Sample, i, l, options.JudgeName))).ToArray();
            }, cancellationToken).ConfigureAwait(false);
        return new LlmJudgeRunSummary(judged, skipped, 0, failures);
    }

    /// <summary>
    /// Runs <paramref name="call"/> over the work in parallel and appends what <paramref name="toLines"/> makes of each
    /// result to the JSONL file, one item at a time and flushed, so an interrupted run keeps every finished item.
    /// <paramref name="toLines"/> runs under the file's lock (it may record failures or counts) and returns null for an
    /// item that produced nothing. Returns the number of items written.
    /// </summary>
    private static async Task<int> AppendInParallelAsync<TItem, TResult>(IReadOnlyList<TItem> work, string outputPath, int maxConcurrency,
        Func<TItem, CancellationToken, Task<TResult>> call, Func<TItem, TResult, IReadOnlyList<string>?> toLines, CancellationToken cancellationToken)
    {
        var written = 0;
        await using var writer = new StreamWriter(outputPath, append: true, new UTF8Encoding(false));
        using var gate = new SemaphoreSlim(1, 1);
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var result = await call(item, ct).ConfigureAwait(false);
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    if (toLines(item, result) is not { } lines) return;
                    foreach (var line in lines) await writer.WriteLineAsync(line.AsMemory(), ct).ConfigureAwait(false);
                    await writer.FlushAsync(ct).ConfigureAwait(false);
                    written++;
                }
                finally
                {
                    gate.Release();
                }
            }).ConfigureAwait(false);
        return written;
    }

    private static Dictionary<(string, string), string> Answers(IReadOnlyList<GenerationRecord> generations, int sample) =>
        generations.Where(g => g.Sample == sample && g.Succeeded).GroupBy(g => (g.QueryId, g.Model)).ToDictionary(g => g.Key, g => g.Last().Answer!);

    private static async Task<JudgmentSet> Existing(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await JudgmentFileReader.ReadAsync(path, new JudgmentImportOptions { JudgeKind = JudgeKind.Llm }, cancellationToken).ConfigureAwait(false) : new JudgmentSet();

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
