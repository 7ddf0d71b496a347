using Inkstone.Evaluation.Queries;
using Inkstone.Taxonomy;

namespace Inkstone.Tests.Evaluation.Queries;

public sealed class QuerySetFileTests
{
    [Fact]
    public async Task ReadAsync_ResolvesGenresAndLocatesProblems()
    {
        using var dir = new TempDirectory();
        var path = dir.File("q.jsonl", """
            {"id":"zh-1","language":"zh","genre":"宋词","query":"写一首词","constraints":{"length":"60字","style":"婉约","theme":"离别"},"cultural_requirements":"词牌格律"}
            {"id":"zh-2","language":"fr","genre":"slogan","query":"x"}
            {"id":"zh-3","language":"zh","genre":"no such genre","query":"x"}
            {"id":"zh-1","language":"zh","genre":"slogan","query":"again"}
            {"id":"zh-4","language":"zh","genre":"slogan"}
            """);
        var result = await QuerySetFile.ReadAsync([path], GenreTaxonomy.Default, TestContext.Current.CancellationToken);
        var q = Assert.Single(result.Queries);
        Assert.Equal("ci_poetry", q.Genre);
        Assert.Equal(new QueryConstraints("60字", "婉约", "离别"), q.Constraints);
        Assert.Equal("词牌格律", q.CulturalRequirements);
        Assert.Equal(
        [
            "q.jsonl:2: field 'language': expected zh or en, got 'fr'",
            "q.jsonl:3: field 'genre': 'no such genre' is not a genre of taxonomy 1",
            "q.jsonl:4: field 'id': duplicate query id 'zh-1' (first at q.jsonl:1); this line is not used",
            "q.jsonl:5: field 'query': missing or empty",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task WriteAsync_ThenRead_RoundTrips()
    {
        using var dir = new TempDirectory();
        BenchmarkQuery[] queries =
        [
            new("en-1", "en", "slogan", "Write a slogan \"quoted\"", new QueryConstraints(Length: "10 words"), null),
            new("zh-1", "zh", "ci_poetry", "写一首词", new QueryConstraints("60字", "婉约", "离别"), "词牌"),
        ];
        var path = dir.Combine("out.jsonl");
        await QuerySetFile.WriteAsync(path, queries, TestContext.Current.CancellationToken);
        Assert.Contains("写一首词", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal); // not \u-escaped
        var back = await QuerySetFile.ReadAsync([path], GenreTaxonomy.Default, TestContext.Current.CancellationToken);
        Assert.Empty(back.Diagnostics);
        Assert.Equal(queries, back.Queries);
    }

    [Fact]
    public void GenreCoverage_ListsGenresBelowMinimumPerLanguage()
    {
        var taxonomy = GenreTaxonomy.Default;
        var queries = taxonomy.Genres.SelectMany(g => new[] { new BenchmarkQuery(g.Id + "1", "zh", g.Id, "q", new()), new BenchmarkQuery(g.Id + "2", "zh", g.Id, "q", new()) })
            .Where(q => q.Id != "slogan2").ToList();
        var coverage = GenreCoverage.Compute(queries, taxonomy);
        Assert.Equal(101, coverage.CountsByLanguage["zh"].Values.Sum());
        Assert.Equal(("zh", "slogan", 1), Assert.Single(coverage.Missing));
    }

    [Fact]
    public void LeakageChecker_FindsNearDuplicateAndIgnoresUnrelated()
    {
        var checker = new QueryLeakageChecker([new BenchmarkQuery("q1", "zh", "slogan", "请以春天的江南为题，写一首七言绝句，描绘细雨与杏花。", new())]);
        // same text with different punctuation and width
        var hit = Assert.Single(checker.Find("t1", "请以春天的江南为题 写一首七言绝句 描绘细雨与杏花"));
        Assert.Equal(1.0, hit.Jaccard, 12);
        Assert.Empty(checker.Find("t2", "写一篇关于人工智能的科普文章，介绍大模型的训练过程。"));
        // containment: the query embedded in a longer training prompt
        var embedded = Assert.Single(checker.Find("t3", "背景：这是一个写作课作业。请以春天的江南为题，写一首七言绝句，描绘细雨与杏花。另外请附上创作说明和赏析，不少于三百字。"));
        Assert.Equal(1.0, embedded.Containment, 12);
        Assert.True(embedded.Jaccard < 0.5);
    }
}
