using System.Globalization;
using System.Text.Json;
using Inkstone.Curation.Exchange;
using Inkstone.Curation.Ingest;
using Inkstone.Datasets;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Taxonomy;
using Inkstone.Training;

namespace Inkstone.Tests.Fuzz;

/// <summary>Every record reader of the project, as the fuzz tests drive it.</summary>
internal static class RecordReaders
{
    /// <summary>Ids that differ in two places, so that one flipped byte cannot make two records collide.</summary>
    private static string Id(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D3}-{i:D3}");

    private static string Json(object value) => JsonSerializer.Serialize(value);

    public static IReadOnlyList<ReaderUnderTest> All { get; } =
    [
        new("dataset-jsonl", ".jsonl", RecordLayout.JsonLines, Triplet, DatasetAsync),
        new("dataset-json-array", ".json", RecordLayout.JsonArray, Triplet, DatasetAsync),
        new("general-data", ".jsonl", RecordLayout.JsonLines,
            (i, t) => Json(new { instruction = "指令" + t, input = "", output = "回答" + t }), GeneralAsync),
        new("judgments-jsonl", ".jsonl", RecordLayout.JsonLines,
            (i, t) => Json(new { query_id = Id("q", i), model_a = "alpha", model_b = "beta", verdict = "a", annotator = "ann-" + t }),
            JudgmentsAsync),
        new("judgments-json-array", ".json", RecordLayout.JsonArray,
            (i, t) => Json(new { query_id = Id("q", i), model_a = "alpha", model_b = "beta", verdict = "b", annotator = "ann-" + t }),
            JudgmentsAsync),
        new("judgments-csv", ".csv", RecordLayout.Csv, (i, t) => $"{Id("q", i)},alpha,beta,tie,ann-{t}", JudgmentsAsync,
            "query_id,model_a,model_b,verdict,annotator"),
        new("queries", ".jsonl", RecordLayout.JsonLines,
            (i, t) => Json(new { id = Id("q", i), language = "zh", genre = "宋词", query = "写" + t }), QueriesAsync),
        new("generations", ".jsonl", RecordLayout.JsonLines,
            (i, t) => Json(new
            {
                query_id = Id("q", i), model = "m", sample = 0, answer = "答" + t, reasoning = (string?)null, input_tokens = 3,
                output_tokens = 5, duration_ms = 1.5, finish_reason = "stop", error = (string?)null, created_at = "2026-01-01T00:00:00+00:00",
            }), GenerationsAsync),
        new("behaviour-labels", ".jsonl", RecordLayout.JsonLines,
            (i, t) => Json(new { query_id = Id("q", i), model = "m", sample = 0, segment = i, label = "deep_reasoning", labeler = "l-" + t }),
            LabelsAsync),
        new("exchange-jsonl", ".jsonl", RecordLayout.JsonLines, (i, t) => Json(new { item_id = Id("it", i), note = t }), ExchangeAsync),
        new("exchange-csv", ".csv", RecordLayout.Csv, (i, t) => $"{Id("it", i)},{t}", ExchangeAsync, "item_id,note"),
        new("ingest-jsonl", ".jsonl", RecordLayout.JsonLines, (i, t) => Json(new { id = Id("doc", i), text = "正文" + t }), IngestAsync),
        new("ingest-csv", ".csv", RecordLayout.Csv, (i, t) => $"{Id("doc", i)},正文{t}", IngestAsync, "id,text"),
    ];

    private static string Triplet(int i, string text) =>
        Json(new { id = Id("t", i), query = "写一首诗" + text, thought = "先想意象", answer = "答" + text });

    private static async Task<(int, int)> DatasetAsync(string path, CancellationToken cancellationToken)
    {
        var (accepted, rejected) = (0, 0);
        await foreach (var entry in DatasetReader.ReadAsync(path, DatasetReadOptions.Default, cancellationToken))
        {
            if (entry.Kind == DatasetEntryKind.Accepted) accepted++;
            else if (entry.Kind == DatasetEntryKind.Rejected) rejected++;
        }
        return (accepted, rejected);
    }

    private static async Task<(int, int)> GeneralAsync(string path, CancellationToken cancellationToken)
    {
        var (accepted, rejected) = (0, 0);
        await foreach (var record in GeneralDataReader.ReadAsync(path, "pool.jsonl", cancellationToken))
        {
            if (record.Sample is not null) accepted++;
            else rejected++;
        }
        return (accepted, rejected);
    }

    private static async Task<(int, int)> JudgmentsAsync(string path, CancellationToken cancellationToken)
    {
        var set = await JudgmentFileReader.ReadAsync(path, null, cancellationToken);
        return (set.Pairwise.Count + set.Rubric.Count, set.Diagnostics.Count);
    }

    private static async Task<(int, int)> QueriesAsync(string path, CancellationToken cancellationToken)
    {
        var result = await QuerySetFile.ReadAsync([path], GenreTaxonomy.Default, cancellationToken);
        return (result.Queries.Count, result.Diagnostics.Count);
    }

    private static async Task<(int, int)> GenerationsAsync(string path, CancellationToken cancellationToken)
    {
        var (records, diagnostics) = await GenerationResultsFile.ReadAsync(path, cancellationToken);
        return (records.Count, diagnostics.Count);
    }

    private static async Task<(int, int)> LabelsAsync(string path, CancellationToken cancellationToken)
    {
        var (labels, problems) = await BehaviorLabelFile.ReadAsync(path, cancellationToken);
        return (labels.Count, problems.Count);
    }

    private static async Task<(int, int)> ExchangeAsync(string path, CancellationToken cancellationToken)
    {
        var (accepted, rejected) = (0, 0);
        await foreach (var record in ExchangeFileReader.ReadAsync(path, cancellationToken))
        {
            if (record.Fields is not null) accepted++;
            else rejected++;
        }
        return (accepted, rejected);
    }

    private static async Task<(int, int)> IngestAsync(string path, CancellationToken cancellationToken)
    {
        var (accepted, rejected) = (0, 0);
        await foreach (var result in SourceReaders.For(path).ReadAsync(path, cancellationToken))
        {
            if (result.Record is not null) accepted++;
            else rejected++;
        }
        return (accepted, rejected);
    }
}
