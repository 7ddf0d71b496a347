namespace Inkstone.Tests.Cli;

/// <summary>The first example of docs/evaluation.md runs on the sample query sets as written, and passes its checks.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EvalDocsExampleTests
{
    [Fact]
    public async Task QueriesExample_OnTheSampleSets_Exits0()
    {
        var root = RepositoryRoot();
        var line = File.ReadLines(Path.Combine(root, "docs", "evaluation.md"))
            .First(l => l.StartsWith("inkstone eval queries ", StringComparison.Ordinal));
        var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Path.Combine(root, a) : a).ToArray();
        Assert.Contains(args, a => a.EndsWith("queries-en.jsonl", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync([.. args, "--format", "json"]);
        Assert.Equal("", result.Errors);
        Assert.Equal(0, result.Exit);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Inkstone.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Inkstone.slnx above " + AppContext.BaseDirectory);
    }
}
