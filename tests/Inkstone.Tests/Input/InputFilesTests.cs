using Inkstone.Input;

namespace Inkstone.Tests.Input;

public sealed class InputFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inkstone-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Distinct_SameFileUnderTwoNames_KeepsTheFirstWithANote()
    {
        var a = Path.Combine(_folder, "a.jsonl");
        var b = Path.Combine(_folder, "b.jsonl");
        File.WriteAllText(a, "");
        File.WriteAllText(b, "");
        var other = Path.Combine(_folder, ".", "a.jsonl");

        var distinct = InputFiles.Distinct([a, b, other, a]);

        Assert.Equal([a, b], distinct.Paths);
        Assert.Equal(2, distinct.Notes.Count);
        Assert.Contains("the same file as", distinct.Notes[0], StringComparison.Ordinal);
        Assert.Contains("named twice", distinct.Notes[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Distinct_LinkToAFileGivenBefore_IsTheSameFile()
    {
        var a = Path.Combine(_folder, "a.jsonl");
        File.WriteAllText(a, "");
        var link = Path.Combine(_folder, "link.jsonl");
        File.CreateSymbolicLink(link, a);

        var distinct = InputFiles.Distinct([a, link]);

        Assert.Equal([a], distinct.Paths);
        Assert.Single(distinct.Notes);
    }
}
