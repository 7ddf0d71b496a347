using System.Text.Json;
using Inkstone.Datasets;
using Inkstone.Model;
using Parquet;
using Parquet.Schema;

namespace Inkstone.Tests.Datasets;

public sealed class DatasetWriterTests : IDisposable
{
    private readonly DatasetTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Triplet[] Sample() =>
    [
        new Triplet
        {
            Id = "t1", Query = "写一首关于秋天的诗", Thought = "先定意象：落叶、归雁。\n再定韵脚。", Answer = "秋风起兮白云飞，\"草木\"黄落兮雁南归。😀",
            GenreId = "modern_poetry",
            Scores = new AssessmentScores { ArticleQuality = 9, ArticleCreativity = 8, QueryQuality = 10, QueryCreativity = 8, ThoughtQuality = 9, ThoughtCreativity = 8 },
            ReviewState = ReviewState.Accepted,
            Provenance = new Provenance { Url = "https://example.org/p/1", Platform = "blog", Author = "某人", PublishedAt = new DateTimeOffset(2023, 5, 1, 8, 30, 0, TimeSpan.FromHours(8)), Engagement = new Engagement(12, null, 3) },
            ExtraMetadata = new Dictionary<string, JsonElement> { ["source_name"] = JsonDocument.Parse("\"论坛\"").RootElement, ["tags"] = JsonDocument.Parse("[1,\"a\"]").RootElement },
        },
        new Triplet { Id = "t2", Query = "q", Thought = "t", Answer = "a" },
        new Triplet { Id = "t3", Query = "广告", Thought = "卖点", Answer = "好喝", GenreId = "slogan", Scores = new AssessmentScores { ArticleQuality = 8 } },
    ];

    private static void AssertSame(Triplet expected, Triplet actual)
    {
        Assert.Equal(expected with { ExtraMetadata = null }, actual with { ExtraMetadata = null });
        Assert.Equal(
            expected.ExtraMetadata?.ToDictionary(p => p.Key, p => p.Value.GetRawText()),
            actual.ExtraMetadata?.ToDictionary(p => p.Key, p => p.Value.GetRawText()));
    }

    [Theory]
    [InlineData(DatasetFormat.Json, "out.json")]
    [InlineData(DatasetFormat.Jsonl, "out.jsonl")]
    [InlineData(DatasetFormat.Parquet, "out.parquet")]
    public async Task WriteAsync_ThenRead_RoundTripsEveryField(DatasetFormat format, string name)
    {
        var path = _files.Path_(name);
        var sample = Sample();

        var written = await DatasetWriter.WriteAsync(path, DatasetTestFiles.AsAsync(sample), format, TestContext.Current.CancellationToken);
        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal(3, written);
        Assert.Equal(format, await DatasetFormatDetector.DetectAsync(path, TestContext.Current.CancellationToken));
        Assert.All(entries, e => Assert.True(e.IsAccepted, string.Join("; ", e.Problems)));
        for (var i = 0; i < sample.Length; i++) AssertSame(sample[i], entries[i].Triplet!);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => format == DatasetFormat.Parquet ? e.Row!.Value : (format == DatasetFormat.Json ? e.Line!.Value - 1 : e.Line!.Value)));
    }

    [Fact]
    public async Task WriteAsync_Jsonl_WritesChineseUnescapedOneRecordPerLine()
    {
        var path = _files.Path_("out.jsonl");

        await DatasetWriter.WriteAsync(path, DatasetTestFiles.AsAsync(Sample().Skip(2)), DatasetFormat.Jsonl, TestContext.Current.CancellationToken);

        Assert.Equal("""{"id":"t3","query":"广告","thought":"卖点","answer":"好喝","metadata":{"genre":"slogan","quality_score":8}}""" + "\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_Empty_WritesReadableEmptyFiles()
    {
        foreach (var (format, name) in new[] { (DatasetFormat.Json, "e.json"), (DatasetFormat.Jsonl, "e.jsonl"), (DatasetFormat.Parquet, "e.parquet") })
        {
            var path = _files.Path_(name);
            Assert.Equal(0, await DatasetWriter.WriteAsync(path, DatasetTestFiles.AsAsync([]), format, TestContext.Current.CancellationToken));
            Assert.Empty(await DatasetTestFiles.ReadAllAsync(path));
        }
    }

    [Fact]
    public async Task ReadAsync_ParquetFromOtherTool_MapsAlternateColumnsAndReportsRows()
    {
        // A file as another tool would write it: released column names, genre as a column, a float score and no metadata column.
        var path = _files.Path_("other.parquet");
        var id = new DataField<string>("id");
        var prompt = new DataField<string>("reverse_inspiration_prompt");
        var reasoning = new DataField<string>("reasoning_process");
        var article = new DataField<string>("article");
        var genre = new DataField<string>("genre");
        var quality = new DataField<double?>("quality_score");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, prompt, reasoning, article, genre, quality), stream, cancellationToken: TestContext.Current.CancellationToken);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, ["r1", "r2", "r3"]);
            await group.WriteAsync(prompt, ["写诗", "写信", ""]);
            await group.WriteAsync(reasoning, ["想", "想", "想"]);
            await group.WriteAsync(article, ["诗", "信", "文"]);
            await group.WriteAsync(genre, ["现代诗", "火星文学", null]);
            await group.WriteAsync<double>(quality, new double?[] { 9, null, 8 }.AsMemory(), null, null, TestContext.Current.CancellationToken);
        }

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        var first = Assert.Single(entries, e => e.IsAccepted);
        Assert.Equal(("r1", "写诗", "modern_poetry", 9), (first.Triplet!.Id, first.Triplet.Query, first.Triplet.GenreId, first.Triplet.Scores!.ArticleQuality));
        var problems = entries.Where(e => !e.IsAccepted).Select(e => e.Problems.Single()).ToArray();
        Assert.Equal((2L, "metadata.genre", DatasetProblemKind.UnknownGenre), (problems[0].Row!.Value, problems[0].Field, problems[0].Kind));
        Assert.Equal((3L, "reverse_inspiration_prompt", DatasetProblemKind.EmptyField), (problems[1].Row!.Value, problems[1].Field, problems[1].Kind));
        Assert.Equal($"{path}:row 3: record 'r3': field 'reverse_inspiration_prompt': required field is empty", problems[1].ToString());
    }

    [Fact]
    public async Task ReadAsync_NotParquet_IsFileProblem()
    {
        var path = _files.WriteText("bad.parquet", "PAR1 this is not really parquet");

        var entry = Assert.Single(await DatasetTestFiles.ReadAllAsync(path));

        Assert.Equal((DatasetEntryKind.FileProblem, DatasetProblemKind.UnreadableFile), (entry.Kind, entry.Problems[0].Kind));
    }

    [Fact]
    public async Task RejectsWriter_WritesRawRecordAndReasons()
    {
        var path = _files.WriteText("a.jsonl", DatasetTestFiles.Record("a") + "\n" + """{"id":"b","query":"写","metadata":{"genre":"??"}}""" + "\n");
        var rejects = _files.Path_("rejects.jsonl");

        await using (var writer = DatasetRejectsWriter.Create(rejects))
        {
            foreach (var e in await DatasetTestFiles.ReadAllAsync(path)) await writer.WriteAsync(e, TestContext.Current.CancellationToken);
            Assert.Equal(1, writer.Count);
        }

        var line = Assert.Single(await File.ReadAllLinesAsync(rejects, TestContext.Current.CancellationToken));
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("line").GetInt64());
        Assert.Equal("b", root.GetProperty("record_id").GetString());
        Assert.Equal("""{"id":"b","query":"写","metadata":{"genre":"??"}}""", root.GetProperty("raw").GetString());
        Assert.Equal(["thought", "answer", "metadata.genre"], root.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()));
        Assert.Equal("unknown_genre", root.GetProperty("problems")[2].GetProperty("kind").GetString());
    }
}
