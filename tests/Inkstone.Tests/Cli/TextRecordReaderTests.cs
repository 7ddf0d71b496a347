using Inkstone.Cli.Conventions;
using Inkstone.Cli.TextInput;

namespace Inkstone.Tests.Cli;

public sealed class TextRecordReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkstone-reader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<List<TextRecord>> ReadAll(TextRecordReader reader, string path)
    {
        var records = new List<TextRecord>();
        await foreach (var record in reader.ReadAsync(path, TestContext.Current.CancellationToken)) records.Add(record);
        return records;
    }

    [Fact]
    public async Task ReadAsync_PlainLines_SkipsAndCountsBlankLines()
    {
        var reader = new TextRecordReader();
        var records = await ReadAll(reader, Write("a.txt", "第一行", "", "  ", "second"));
        Assert.Equal([(0, 1, "第一行"), (1, 4, "second")], records.Select(r => (r.Index, r.Line, r.Text)));
        Assert.Equal(2, reader.BlankLines);
    }

    [Fact]
    public async Task ReadAsync_JsonLinesWithBadRecords_ReportsFileLineAndFieldAndGoesOn()
    {
        var path = Write("a.jsonl", """{"id": 7, "answer": "好"}""", """{"answer": 5}""", "not json", """{"other": "x"}""", """{"id": "b", "answer": "ok"}""");
        var reader = new TextRecordReader { Field = "answer", IdField = "id" };
        var records = await ReadAll(reader, path);
        Assert.Equal([(0, 1, "7", "好"), (1, 5, "b", "ok")], records.Select(r => (r.Index, r.Line, r.Id, r.Text)));
        Assert.Equal(3, reader.Problems.Count);
        Assert.StartsWith(path + ":2: field 'answer'", reader.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith(path + ":3: invalid JSON", reader.Problems[1], StringComparison.Ordinal);
        Assert.StartsWith(path + ":4: field 'answer' is missing", reader.Problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnpairedSurrogateEscape_IsReportedAndSkipped()
    {
        var path = Write("a.jsonl", """{"answer": "ab\ud800cd"}""", """{"answer": "ok"}""");
        var reader = new TextRecordReader { Field = "answer" };
        var records = await ReadAll(reader, path);
        Assert.Equal(["ok"], records.Select(r => r.Text));
        Assert.StartsWith(path + ":1: field 'answer'", Assert.Single(reader.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StrictBadRecord_Throws()
    {
        var path = Write("a.jsonl", """{"answer": "好"}""", "{");
        var error = await Assert.ThrowsAsync<CliInputException>(() => ReadAll(new TextRecordReader { Field = "answer", Strict = true }, path));
        Assert.StartsWith(path + ":2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_JsonFileWithoutField_Throws() =>
        await Assert.ThrowsAsync<CliInputException>(() => ReadAll(new TextRecordReader(), Write("a.jsonl", "{}")));

    [Fact]
    public async Task ReadAsync_InvalidUtf8AndDuplicateKey_RejectTheRecordOnly_EachCountedOnce()
    {
        var path = Path.Combine(_dir, "b.jsonl");
        await File.WriteAllBytesAsync(path, [.. "{\"answer\": \"ok\"}\n{\"answer\": \"a"u8, 0xFF, .. "\"}\n{\"answer\": \"x\", \"answer\": \"y\"}\n\n"u8],
            TestContext.Current.CancellationToken);
        var reader = new TextRecordReader { Field = "answer" };
        var records = await ReadAll(reader, path);
        Assert.Equal(["ok"], records.Select(r => r.Text));
        Assert.Equal(3, reader.Records);
        Assert.Equal(1, reader.BlankLines);
        Assert.StartsWith(path + ":2: not valid UTF-8 (at byte 14)", reader.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith(path + ":3: duplicate key", reader.Problems[1], StringComparison.Ordinal);
    }
}
