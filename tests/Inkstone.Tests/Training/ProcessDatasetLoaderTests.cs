using Inkstone.Taxonomy;
using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class ProcessDatasetLoaderTests
{
    [Fact]
    public async Task LoadAsync_Lines_ResolvesGenresAndLocatesProblems()
    {
        using var data = new TrainingTestData();
        var lines = string.Join('\n',
            """{"id": "1", "query": "q", "thought": "t", "answer": "a", "metadata": {"genre": "宋词"}}""",
            """{"id": "2", "query": "q", "answer": "a"}""",
            """{"id": "3", "query": "q", "thought": "t", "answer": "a", "metadata": {"genre": "not a genre"}}""",
            "oops") + "\n";
        var path = data.PathOf("cw.jsonl");
        await File.WriteAllTextAsync(path, lines, TestContext.Current.CancellationToken);

        var result = await ProcessDatasetLoader.LoadAsync(path, GenreTaxonomy.Default, TestContext.Current.CancellationToken);

        Assert.Equal(["1"], result.Triplets.Select(t => t.Id));
        Assert.Equal("ci_poetry", result.Triplets[0].GenreId);
        Assert.Equal(3, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Contains("line 2", StringComparison.Ordinal) && p.Contains("'thought'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("line 3", StringComparison.Ordinal) && p.Contains("'metadata.genre'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("line 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_MissingFile_Throws()
    {
        await Assert.ThrowsAsync<TrainingDataException>(() => ProcessDatasetLoader.LoadAsync("/nonexistent/cw.jsonl", GenreTaxonomy.Default, TestContext.Current.CancellationToken));
    }
}
