using System.Text;
using Inkstone.Curation.Ingest;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Curation;

public sealed class JsonlSourceReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Write(params byte[][] parts)
    {
        var path = _dir.Combine($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, [.. parts.SelectMany(p => p)]);
        return path;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<List<SourceReadResult>> ReadAll(string path) => await new JsonlSourceReader().ReadAsync(path, Ct).ToListAsync(Ct);

    private static string[] Summaries(IEnumerable<SourceReadResult> results) =>
        [.. results.Select(r => r.Record is { } record ? $"{record.Location.Record}: {record.Id} {record.Text}" : $"{r.Error!.Location.Record}: {r.Error.Message}")];

    [Fact]
    public async Task ReadAsync_CrLfAndLoneCarriageReturn_EachEndsALine()
    {
        var path = Write(Utf8("{\"id\": \"a\", \"text\": \"一\"}\r\n{\"id\": \"b\", \"text\": \"二\"}\r{\"id\": \"c\", \"text\": \"三\"}\r\n"));
        Assert.Equal(["line 1: a 一", "line 2: b 二", "line 3: c 三"], Summaries(await ReadAll(path)));
    }

    [Fact]
    public async Task ReadAsync_Utf8ByteOrderMark_SkippedAtFileStart()
    {
        var path = Write([0xEF, 0xBB, 0xBF], Utf8("{\"id\": \"a\", \"text\": \"正文\"}\n"));
        Assert.Equal(["line 1: a 正文"], Summaries(await ReadAll(path)));
    }

    [Fact]
    public async Task ReadAsync_Utf16FileWithByteOrderMark_ReadAsText()
    {
        var path = Write([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"id\": \"a\", \"text\": \"正文\"}\r\n{\"id\": \"b\", \"text\": \"二\"}")]);
        Assert.Equal(["line 1: a 正文", "line 2: b 二"], Summaries(await ReadAll(path)));
    }

    [Fact]
    public async Task ReadAsync_LastLineWithoutNewline_Read()
    {
        var path = Write(Utf8("{\"id\": \"a\", \"text\": \"一\"}\n{\"id\": \"b\", \"text\": \"二\"}"));
        Assert.Equal(["line 1: a 一", "line 2: b 二"], Summaries(await ReadAll(path)));
    }

    [Fact]
    public async Task ReadAsync_LineOfSeveralMegabytes_ReadWhole()
    {
        var text = string.Concat(Enumerable.Range(0, 1_000_000).Select(i => (char)(0x4E00 + (i % 20000))));
        var path = Write(Utf8($"{{\"id\": \"big\", \"text\": \"{text}\"}}\n{{\"id\": \"after\", \"text\": \"尾\"}}\n"));
        var results = await ReadAll(path);
        Assert.Equal(2, results.Count);
        Assert.Equal(("big", text, "line 1"), (results[0].Record!.Id, results[0].Record!.Text, results[0].Record!.Location.Record));
        Assert.Equal(("after", "line 2"), (results[1].Record!.Id, results[1].Record!.Location.Record));
    }

    [Fact]
    public async Task ReadAsync_BlankAndWhiteSpaceLines_SkippedButCounted()
    {
        var path = Write(Utf8("\n  \t\n{\"id\": \"a\", \"text\": \"一\"}\r\n\u3000\u00A0\n{\"id\": \"b\", \n\n{\"id\": \"c\", \"text\": \"三\"}\n"));
        var results = await ReadAll(path);
        Assert.Equal(3, results.Count);
        Assert.Equal(["line 3: a 一", "line 7: c 三"], Summaries([results[0], results[2]]));
        Assert.Equal("line 5", results[1].Error!.Location.Record);
        Assert.StartsWith("invalid JSON at byte 12: ", results[1].Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", results[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_RejectsTheLineNamingTheField()
    {
        var path = Write(
            Utf8("{\"id\": \"a\", \"text\": \"正"), [0xE6, 0xAD], Utf8("文"), [0xFF], Utf8("\"}\n"),
            Utf8("{\"id\": \"b\", \"text\": \"二\"}\n"),
            Utf8("{\"id\": 1"), [0x80], Utf8("}\n"));
        var results = await ReadAll(path);
        // The input policy: never read as U+FFFD; the record is rejected with the field and the byte.
        Assert.Null(results[0].Record);
        Assert.Equal(("line 1", "text"), (results[0].Error!.Location.Record, results[0].Error!.Field));
        Assert.StartsWith("invalid UTF-8 (byte 0xE6)", results[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(("b", "二"), (results[1].Record!.Id, results[1].Record!.Text));
        Assert.Equal("line 3", results[2].Error!.Location.Record);
        Assert.StartsWith("invalid UTF-8 (byte 0x80)", results[2].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DuplicateKey_RejectsTheLineNamingTheKey()
    {
        var path = Write(Utf8("{\"id\": \"a\", \"text\": \"一\", \"id\": \"b\"}\n"));
        var result = Assert.Single(await ReadAll(path));
        Assert.Null(result.Record);
        Assert.Equal("id", result.Error!.Field);
        Assert.Contains("duplicate key 'id'", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_KeysValuesAndDuplicates_MappedAsBefore()
    {
        var path = Write(Utf8("""
            {" Content ": "旧", "LIKES": 12, "text": "新", "unknown": [1], "author": null, "shares": true, "genre": {"a": 1}, "comments": "3"}
            """));
        var record = Assert.Single(await ReadAll(path)).Record!;
        Assert.Equal(("新", 12L, (string?)null, 3L), (record.Text, record.Likes, record.Author, record.Comments));
        Assert.Equal(["shares: expected a string or number, found true", "genre: expected a string or number, found object"],
            record.FieldErrors.Select(e => $"{e.Field}: {e.Message}").ToArray());
    }

    [Fact]
    public async Task ReadAsync_LoneSurrogateEscape_RejectsTheLineButReadsEscapedPairs()
    {
        var path = Write(Utf8("{\"id\": \"a\", \"text\": \"前\\ud800后\"}\n{\"id\": \"b\", \"text\": \"\\\"引\\\" \\ud83d\\ude00\\/\"}\n"));
        var results = await ReadAll(path);
        Assert.Null(results[0].Record);
        Assert.Equal("text", results[0].Error!.Field);
        Assert.Contains("lone surrogate escape '\\ud800'", results[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("\"引\" 😀/", results[1].Record!.Text);
    }

    [Fact]
    public async Task ReadAsync_CancelledToken_Throws()
    {
        var path = Write(Utf8("{\"id\": \"a\", \"text\": \"一\"}\n"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in new JsonlSourceReader().ReadAsync(path, cancelled.Token)) { }
        });
    }
}
