using Inkstone.Taxonomy;
using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class ProcessDatasetJsonlReaderTests
{
    [Fact]
    public async Task ReadAsync_Lines_ResolvesGenresAndLocatesProblems()
    {
        using var data = new TrainingTestData();
        var lines = string.Join('\n',
            """{"id": 1, "query": "q", "thought": "t", "answer": "a", "metadata": {"genre": "宋词"}}""",
            """{"id": "2", "query": "q", "answer": "a"}""",
            """{"id": "3", "query": "q", "thought": "t", "answer": "a", "genre": "not a genre"}""",
            "oops") + "\n";
        await File.WriteAllTextAsync(data.PathOf("cw.jsonl"), lines, TestContext.Current.CancellationToken);

        var result = await ProcessDatasetJsonlReader.ReadAsync(data.PathOf("cw.jsonl"), "cw.jsonl", GenreTaxonomy.Default, TestContext.Current.CancellationToken);

        Assert.Equal(["1", "3"], result.Triplets.Select(t => t.Id));
        Assert.Equal("ci_poetry", result.Triplets[0].GenreId);
        Assert.Null(result.Triplets[1].GenreId);
        Assert.Equal(3, result.Problems.Count);
        Assert.StartsWith("cw.jsonl:2: thought: missing", result.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("cw.jsonl:3: metadata.genre: 'not a genre'", result.Problems[1], StringComparison.Ordinal);
        Assert.StartsWith("cw.jsonl:4: (line): invalid JSON", result.Problems[2], StringComparison.Ordinal);
    }
}
