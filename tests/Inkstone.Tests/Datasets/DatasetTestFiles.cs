using System.Text;
using Inkstone.Datasets;
using Inkstone.Model;

namespace Inkstone.Tests.Datasets;

/// <summary>A temporary folder for dataset files, removed when the test ends.</summary>
internal sealed class DatasetTestFiles : IDisposable
{
    public DatasetTestFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "inkstone-tests", Guid.NewGuid().ToString("N"));

    public string Path_(string name) => System.IO.Path.Combine(Root, name);

    public string WriteText(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path_(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static async Task<List<DatasetEntry>> ReadAllAsync(string path, DatasetReadOptions? options = null)
    {
        var entries = new List<DatasetEntry>();
        await foreach (var entry in DatasetReader.ReadAsync(path, options ?? DatasetReadOptions.Default, TestContext.Current.CancellationToken))
            entries.Add(entry);
        return entries;
    }

    public static async IAsyncEnumerable<Triplet> AsAsync(IEnumerable<Triplet> triplets)
    {
        foreach (var t in triplets)
        {
            await Task.Yield();
            yield return t;
        }
    }

    public static string Record(string id, string query = "写一首诗", string thought = "先想意象", string answer = "床前明月光", string? genre = null) =>
        genre is null
            ? $$$"""{"id":"{{{id}}}","query":"{{{query}}}","thought":"{{{thought}}}","answer":"{{{answer}}}"}"""
            : $$$"""{"id":"{{{id}}}","query":"{{{query}}}","thought":"{{{thought}}}","answer":"{{{answer}}}","metadata":{"genre":"{{{genre}}}"}}""";

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
