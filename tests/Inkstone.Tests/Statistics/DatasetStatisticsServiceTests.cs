using System.Text.Json;
using Inkstone.Datasets;
using Inkstone.Model;
using Inkstone.Statistics;
using Inkstone.Tests.Datasets;

namespace Inkstone.Tests.Statistics;

public sealed class DatasetStatisticsServiceTests : IDisposable
{
    private readonly DatasetTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static IEnumerable<Triplet> Records()
    {
        string[] genres = ["modern_poetry", "slogan", "wuxia_novel", "blog_post", "eulogy"];
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            yield return new Triplet
            {
                Id = $"r{i}",
                GenreId = i % 11 == 0 ? null : genres[i % genres.Length],
                Query = "写" + new string('诗', random.Next(1, 400)),
                Thought = "想" + new string('x', random.Next(0, 3000)) + "😀",
                Answer = new string('文', random.Next(1, 40000)),
            };
        }
    }

    private static string WithoutSource(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("source");
        node.Remove("format");
        return node.ToJsonString();
    }

    [Fact]
    public async Task ComputeAsync_SameRecordsInJsonJsonlParquet_IdenticalStatistics()
    {
        var ct = TestContext.Current.CancellationToken;
        var outputs = new List<string>();
        foreach (var (format, name) in new[] { (DatasetFormat.Json, "d.json"), (DatasetFormat.Jsonl, "d.jsonl"), (DatasetFormat.Parquet, "d.parquet") })
        {
            var path = _files.Path_(name);
            await DatasetWriter.WriteAsync(path, DatasetTestFiles.AsAsync(Records()), format, ct);
            var report = await DatasetStatisticsService.ComputeAsync(path, DatasetReadOptions.Default, cancellationToken: ct);
            Assert.Equal(format, report.Format);
            Assert.Equal(60, report.Summary.Accepted);
            outputs.Add(WithoutSource(DatasetStatisticsJson.Serialize(report)));
        }

        Assert.Equal(outputs[0], outputs[1]);
        Assert.Equal(outputs[0], outputs[2]);
    }

    [Fact]
    public async Task ComputeAsync_BadRecords_CountsThemAndWritesRejects()
    {
        var path = _files.WriteText("d.jsonl", string.Join("\n", DatasetTestFiles.Record("a", genre: "现代诗"), "{oops", DatasetTestFiles.Record("a"), DatasetTestFiles.Record("b", genre: "nope")) + "\n");
        var rejects = _files.Path_("rejects.jsonl");
        var seen = new List<DatasetProblem>();

        var report = await DatasetStatisticsService.ComputeAsync(path, DatasetReadOptions.Default, rejectsPath: rejects, onProblem: seen.Add, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((4L, 1L, 3L), (report.Summary.Read, report.Summary.Accepted, report.Summary.Rejected));
        Assert.Equal(1, report.Statistics.Overall.Count);
        Assert.Equal([2L, 3L, 4L], seen.Select(p => p.Line!.Value));
        Assert.Equal(3, (await File.ReadAllLinesAsync(rejects, TestContext.Current.CancellationToken)).Length);
    }

    [Fact]
    public async Task Json_Shape_HasDocumentedFields()
    {
        var path = _files.WriteText("d.jsonl", DatasetTestFiles.Record("a", answer: "一二三", genre: "现代诗") + "\n");

        var report = await DatasetStatisticsService.ComputeAsync(path, DatasetReadOptions.Default, cancellationToken: TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(DatasetStatisticsJson.Serialize(report));
        var root = doc.RootElement;

        Assert.Equal("jsonl", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("read").GetProperty("accepted").GetInt64());
        Assert.Equal("code_points", root.GetProperty("length_unit").GetString());
        var genre = root.GetProperty("genres")[0];
        Assert.Equal(("modern_poetry", "poetry", 1, 100.0), (genre.GetProperty("id").GetString(), genre.GetProperty("category_id").GetString(), genre.GetProperty("count").GetInt32(), genre.GetProperty("share_percent").GetDouble()));
        Assert.Equal(3, genre.GetProperty("article").GetProperty("max").GetInt32());
        Assert.Equal(3, genre.GetProperty("article").GetProperty("han").GetProperty("mean").GetDouble());
        Assert.Equal("overall", root.GetProperty("overall").GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("unassigned").ValueKind);
        Assert.Equal(15, root.GetProperty("balance").GetProperty("min_per_genre").GetInt32());
        Assert.Equal(51, root.GetProperty("balance").GetProperty("genres_below_minimum").GetArrayLength());
        Assert.Equal(6, root.GetProperty("balance").GetProperty("categories_missing").GetArrayLength());
        // article 3 code points; prompt 写一首诗 and reasoning 先想意象 4 each
        var buckets = root.GetProperty("length_distribution").EnumerateArray()
            .Select(b => (b.GetProperty("lower").GetInt32(), b.GetProperty("upper_exclusive").GetInt32(), b.GetProperty("article").GetInt32(), b.GetProperty("prompt").GetInt32(), b.GetProperty("reasoning").GetInt32()));
        Assert.Equal([(1, 4, 1, 0, 0), (4, 10, 0, 1, 1)], buckets);
    }

    [Fact]
    public async Task Text_MarkdownAndCsv_ShowRowsOfGrouping()
    {
        var path = _files.WriteText("d.jsonl", string.Join("\n", DatasetTestFiles.Record("a", answer: "一二三", genre: "现代诗"), DatasetTestFiles.Record("b", answer: "一", genre: "slogan")) + "\n");
        var report = await DatasetStatisticsService.ComputeAsync(path, DatasetReadOptions.Default, cancellationToken: TestContext.Current.CancellationToken);

        var csv = new StringWriter();
        DatasetStatisticsText.WriteCsv(csv, report, StatisticsGrouping.Category, han: false);
        var md = new StringWriter();
        DatasetStatisticsText.WriteMarkdown(md, report, StatisticsGrouping.Genre, han: true);

        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("level,id,name_zh,name_en,category_id,count,share_percent,article_min,article_mean,article_max,prompt_min,prompt_mean,prompt_max,reasoning_min,reasoning_mean,reasoning_max", lines[0]);
        Assert.Equal("overall,,总计,Overall,,2,100,1,2,3,4,4,4,4,4,4", lines[1]);
        Assert.StartsWith("category,communication,", lines[2], StringComparison.Ordinal); // ties keep taxonomy order
        Assert.Equal(4, lines.Length);
        Assert.Contains("| genre | Modern Poetry (现代诗) | 1 | 50.00 | 3–3.00–3 |", md.ToString(), StringComparison.Ordinal);
    }
}
