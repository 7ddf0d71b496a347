using System.Text;
using Inkstone.Datasets;
using Parquet;
using Parquet.Schema;

namespace Inkstone.Tests.Datasets;

public sealed class DatasetReaderEdgeCaseTests : IDisposable
{
    private readonly DatasetTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_JsonArrayOnOneLine_ByteOffsetCountsFromLineStart()
    {
        var text = "[" + DatasetTestFiles.Record("a") + ", {\"id\":\"b\",\"query\":}]";
        var path = _files.WriteText("a.json", text);
        var expectedByte = Encoding.UTF8.GetByteCount(text[..text.LastIndexOf('}')]) + 1; // the '}' after "query":

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        var problem = Assert.Single(entries, e => !e.IsAccepted).Problems.Single();
        Assert.Equal((1L, (long)expectedByte), (problem.Line!.Value, problem.ByteInLine!.Value));
    }

    [Fact]
    public async Task ReadAsync_JsonArrayInvalidUtf8_LocatesByteInFileLine()
    {
        var prefix = Encoding.UTF8.GetBytes("[\n  {\"id\":\"a\",\"query\":\"");
        var suffix = Encoding.UTF8.GetBytes("\",\"thought\":\"t\",\"answer\":\"a\"}\n]");
        var path = _files.WriteBytes("a.json", [.. prefix, 0xC3, 0x28, .. suffix]);

        var problem = Assert.Single(await DatasetTestFiles.ReadAllAsync(path)).Problems.Single();

        // The bad byte follows `  {"id":"a","query":"` on line 2: 2 spaces + 19 bytes, so it is byte 22.
        Assert.Equal((DatasetProblemKind.InvalidUtf8, 2L, 22L), (problem.Kind, problem.Line!.Value, problem.ByteInLine!.Value));
    }

    [Fact]
    public async Task ReadAsync_CrLfLines_ReadLikeLf()
    {
        var path = _files.WriteText("a.jsonl", DatasetTestFiles.Record("a") + "\r\n\r\n" + DatasetTestFiles.Record("b") + "\r\n");

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal([(1L, "a"), (3L, "b")], entries.Select(e => (e.Line!.Value, e.Triplet!.Id)));
    }

    [Fact]
    public async Task ReadAsync_LastLineWithoutNewline_IsRead()
    {
        var path = _files.WriteText("a.jsonl", DatasetTestFiles.Record("a") + "\n" + DatasetTestFiles.Record("b"));

        Assert.Equal(["a", "b"], (await DatasetTestFiles.ReadAllAsync(path)).Select(e => e.Triplet!.Id));
    }

    [Fact]
    public async Task ReadAsync_LineLongerThanBuffer_IsRead()
    {
        var answer = new string('文', 100_000); // 300 KB of UTF-8, several buffer lengths
        var path = _files.WriteText("a.jsonl", DatasetTestFiles.Record("a", answer: answer) + "\n" + DatasetTestFiles.Record("b") + "\n");

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal(answer, entries[0].Triplet!.Answer);
        Assert.Equal(2L, entries[1].Line);
    }

    [Fact]
    public async Task ReadAsync_JsonArrayElementLongerThanBuffer_IsRead()
    {
        var answer = new string('文', 100_000);
        var path = _files.WriteText("a.json", "[\n" + DatasetTestFiles.Record("a", answer: answer) + ",\n" + DatasetTestFiles.Record("b") + "\n]");

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal(answer, entries[0].Triplet!.Answer);
        Assert.Equal(3L, entries[1].Line);
    }

    [Fact]
    public async Task ReadAsync_TextAfterArray_IsFileProblemAfterRecords()
    {
        var path = _files.WriteText("a.json", "[" + DatasetTestFiles.Record("a") + "]\n\nextra");

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.True(entries[0].IsAccepted);
        var problem = entries[1].Problems.Single();
        Assert.Equal((DatasetEntryKind.FileProblem, DatasetProblemKind.UnreadableFile, 3L), (entries[1].Kind, problem.Kind, problem.Line!.Value));
    }

    [Fact]
    public async Task ReadAsync_EmptyArray_NoEntries()
    {
        var path = _files.WriteText("a.json", " [ ] ");

        Assert.Empty(await DatasetTestFiles.ReadAllAsync(path));
    }

    [Fact]
    public async Task ReadAsync_Utf16File_IsFileErrorWithNoRecords()
    {
        var path = _files.WriteBytes("a.jsonl", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(DatasetTestFiles.Record("a"))]);

        var entry = Assert.Single(await DatasetTestFiles.ReadAllAsync(path));

        Assert.Equal((DatasetEntryKind.FileProblem, DatasetProblemSeverity.Error, 1L), (entry.Kind, entry.Problems[0].Severity, entry.Problems[0].Line!.Value));
    }

    [Fact]
    public async Task ReadAsync_ParquetBadMetadataAndListColumn_ReportsFieldAndWarning()
    {
        var path = _files.Path_("m.parquet");
        var id = new DataField<string>("id");
        var query = new DataField<string>("query");
        var thought = new DataField<string>("thought");
        var answer = new DataField<string>("answer");
        var metadata = new DataField<string>("metadata");
        var tags = new DataField<int[]>("tags");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, query, thought, answer, metadata, tags), stream, cancellationToken: TestContext.Current.CancellationToken);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, ["a", "b"]);
            await group.WriteAsync(query, ["q", "q"]);
            await group.WriteAsync(thought, ["t", "t"]);
            await group.WriteAsync(answer, ["a", "a"]);
            await group.WriteAsync(metadata, ["{\"genre\":\"现代诗\",\"note\":\"x\"}", "not json"]);
            await group.WriteAsync<int>(tags, new[] { 1, 2, 3 }.AsMemory(), new[] { 0, 1, 0 }.AsMemory(), null, TestContext.Current.CancellationToken);
        }

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        var warning = Assert.Single(entries, e => e.Kind == DatasetEntryKind.FileProblem).Problems.Single();
        Assert.Equal(DatasetProblemSeverity.Warning, warning.Severity);
        Assert.Contains("'tags'", warning.Message, StringComparison.Ordinal);
        var accepted = Assert.Single(entries, e => e.IsAccepted).Triplet!;
        Assert.Equal(("modern_poetry", "x"), (accepted.GenreId, accepted.ExtraMetadata!["note"].GetString()));
        var problem = Assert.Single(entries, e => e.Kind == DatasetEntryKind.Rejected).Problems.Single();
        Assert.Equal((2L, "metadata", DatasetProblemKind.InvalidValue), (problem.Row!.Value, problem.Field, problem.Kind));
    }
}
