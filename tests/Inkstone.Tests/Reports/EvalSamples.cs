using System.Text;
using System.Text.Json.Nodes;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Reports;
using Inkstone.Evaluation.Statistics;
using Inkstone.Taxonomy;

namespace Inkstone.Tests.Reports;

/// <summary>
/// The evaluation inputs of the report tests: the sample judgments and queries, and generations and behaviour labels
/// made up for the sample queries (seeded: lengths spread over a decade, some English answers with Chinese in them).
/// </summary>
internal static class EvalSamples
{
    public static readonly string[] Models = ["M_G", "M_CW", "M_CW+1k", "M_CW+5k", "M_CW+10k"];

    public static string Sample(params string[] path) => Path.Combine([AppContext.BaseDirectory, "samples", .. path]);

    public static string Pairwise => Sample("judgments", "pairwise.jsonl");

    public static string Rankings => Sample("judgments", "rankings.jsonl");

    public static string[] QueryFiles => [Sample("queries-zh.jsonl"), Sample("queries-en.jsonl")];

    /// <summary>Writes generations.jsonl and behavior.jsonl into the folder and returns their paths.</summary>
    public static async Task<(string Generations, string Behavior)> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        var queries = await QueriesAsync(cancellationToken);
        var random = new Random(13);
        const string han = "春风又绿江南岸明月何时照我还山高水长云卷云舒夜深人静灯火阑珊故乡的路上有桂花香";
        string[] words = ["the", "quiet", "river", "carried", "lantern", "light", "past", "old", "bookshops", "gardens"];
        var generations = new StringBuilder();
        var behavior = new StringBuilder();
        foreach (var q in queries)
            for (var m = 0; m < Models.Length; m++)
            {
                var length = 150 + random.Next(1200) + (150 * m);
                var answer = q.Language == "zh"
                    ? string.Concat(Enumerable.Range(0, length).Select(_ => han[random.Next(han.Length)]))
                    : string.Join(' ', Enumerable.Range(0, length / 5).Select(_ => words[random.Next(words.Length)]))
                      + (random.Next(10) < m ? " 春风又绿江南岸，明月何时照我还。" : "");
                generations.Append(new JsonObject
                {
                    ["query_id"] = q.Id, ["model"] = Models[m], ["sample"] = 0, ["answer"] = answer,
                    ["output_tokens"] = length / 2, ["duration_ms"] = 1, ["created_at"] = "2026-01-01T00:00:00Z",
                }.ToJsonString()).Append('\n');
                for (var s = 0; s < 3 + random.Next(5); s++)
                    behavior.Append(new JsonObject
                    {
                        ["query_id"] = q.Id, ["model"] = Models[m], ["sample"] = 0, ["segment"] = s,
                        ["label"] = ReasoningBehaviors.Name(ReasoningBehaviors.All[random.Next(ReasoningBehaviors.All.Count)]),
                        ["labeler"] = "l1",
                    }.ToJsonString()).Append('\n');
            }
        var g = Path.Combine(folder, "generations.jsonl");
        var b = Path.Combine(folder, "behavior.jsonl");
        await File.WriteAllTextAsync(g, generations.ToString(), cancellationToken);
        await File.WriteAllTextAsync(b, behavior.ToString(), cancellationToken);
        return (g, b);
    }

    public static async Task<IReadOnlyList<BenchmarkQuery>> QueriesAsync(CancellationToken cancellationToken) =>
        (await QuerySetFile.ReadAsync(QueryFiles, GenreTaxonomy.Default, cancellationToken)).Queries;

    /// <summary>The report as <c>eval report</c> builds it from these inputs (100 resamples, baseline M_G).</summary>
    public static async Task<EvaluationReport> ReportAsync(string folder, CancellationToken cancellationToken)
    {
        var (g, b) = await WriteAsync(folder, cancellationToken);
        var judgments = await JudgmentFileReader.ReadAllAsync([Pairwise, Rankings], null, cancellationToken);
        var (generations, _) = await GenerationResultsFile.ReadAsync(g, cancellationToken);
        var (labels, _) = await BehaviorLabelFile.ReadAsync(b, cancellationToken);
        var options = new EvaluationReportOptions
        {
            Baseline = "M_G",
            BradleyTerry = new BradleyTerryOptions { Resamples = 100, Seed = 7 },
            Outputs = new OutputAnalysisOptions { ChineseSegmenter = Inkstone.Cli.TextSegmenters.CreateDefault() },
        };
        return EvaluationReportBuilder.Build(judgments, await QueriesAsync(cancellationToken), generations, options, labels);
    }
}
