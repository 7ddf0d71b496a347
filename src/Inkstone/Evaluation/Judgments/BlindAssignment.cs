using System.Text;
using System.Text.Json;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Queries;

namespace Inkstone.Evaluation.Judgments;

/// <summary>
/// Builds blind annotation files: every annotator gets every query that has an answer from each listed model, in an
/// order of its own, with the answers shuffled under labels A, B, C, … The shuffles are seeded from (seed, annotator,
/// query) with a stable hash, so the same inputs always give the same files. The key goes to a separate file.
/// </summary>
public sealed class BlindAssignment
{
    private BlindAssignment(IReadOnlyDictionary<string, IReadOnlyList<BlindItem>> items, BlindKey key, IReadOnlyList<string> skippedQueries)
    {
        ItemsByAnnotator = items;
        Key = key;
        SkippedQueries = skippedQueries;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<BlindItem>> ItemsByAnnotator { get; }

    public BlindKey Key { get; }

    /// <summary>Queries left out because some model has no successful answer for them (with the models missing).</summary>
    public IReadOnlyList<string> SkippedQueries { get; }

    public static BlindAssignment Create(IReadOnlyList<BenchmarkQuery> queries, IReadOnlyList<GenerationRecord> generations,
        IReadOnlyList<string> models, IReadOnlyList<string> annotators, int seed, int sample = 0)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(generations);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(annotators);
        if (models.Count < 2) throw new ArgumentException("a blind assignment needs at least two models", nameof(models));
        if (models.Count > 26) throw new ArgumentException("at most 26 models (labels A–Z)", nameof(models));
        var answers = generations.Where(g => g.Sample == sample && g.Succeeded)
            .GroupBy(g => (g.QueryId, g.Model)).ToDictionary(g => g.Key, g => g.Last().Answer!);
        var usable = new List<BenchmarkQuery>();
        var skipped = new List<string>();
        foreach (var q in queries)
        {
            var missing = models.Where(m => !answers.ContainsKey((q.Id, m))).ToArray();
            if (missing.Length == 0) usable.Add(q);
            else skipped.Add($"{q.Id} (no answer from {string.Join(", ", missing)})");
        }

        var byAnnotator = new Dictionary<string, IReadOnlyList<BlindItem>>(StringComparer.Ordinal);
        var key = new List<BlindKeyEntry>();
        foreach (var annotator in annotators)
        {
            var order = usable.ToArray();
            new Random(StableSeed(seed, annotator, "")).Shuffle(order);
            var items = new List<BlindItem>(order.Length);
            for (var n = 0; n < order.Length; n++)
            {
                var q = order[n];
                var shuffled = models.ToArray();
                new Random(StableSeed(seed, annotator, q.Id)).Shuffle(shuffled);
                var itemId = $"{annotator}-{n + 1:D4}";
                var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                var blindAnswers = new List<BlindAnswer>();
                for (var i = 0; i < shuffled.Length; i++)
                {
                    var label = ((char)('A' + i)).ToString();
                    labels[label] = shuffled[i];
                    blindAnswers.Add(new BlindAnswer(label, answers[(q.Id, shuffled[i])]));
                }
                items.Add(new BlindItem(itemId, q.Query, blindAnswers));
                key.Add(new BlindKeyEntry(itemId, q.Id, annotator, labels, sample));
            }
            byAnnotator[annotator] = items;
        }
        return new BlindAssignment(byAnnotator, new BlindKey(key), skipped);
    }

    /// <summary>Writes one JSONL file per annotator (<c>{annotator}.jsonl</c>) into <paramref name="directory"/> and the key to <paramref name="keyPath"/>.</summary>
    public async Task WriteAsync(string directory, string keyPath, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        foreach (var (annotator, items) in ItemsByAnnotator)
        {
            await using var writer = new StreamWriter(Path.Combine(directory, annotator + ".jsonl"), false, new UTF8Encoding(false));
            foreach (var item in items)
                await writer.WriteLineAsync(JsonSerializer.Serialize(item, BlindKey.s_json).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        await Key.SaveAsync(keyPath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>FNV-1a over the UTF-8 bytes of the parts: unlike string.GetHashCode it is the same in every process.</summary>
    internal static int StableSeed(int seed, string a, string b)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var part in new[] { a, "\u0001", b })
            foreach (var by in Encoding.UTF8.GetBytes(part)) hash = (hash ^ by) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }
}
