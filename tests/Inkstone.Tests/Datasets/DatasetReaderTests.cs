using System.Text;
using Inkstone.Datasets;

namespace Inkstone.Tests.Datasets;

public sealed class DatasetReaderTests : IDisposable
{
    private readonly DatasetTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public async Task ReadAsync_ReleasedFieldNames_MapsToTriplet()
    {
        var path = _files.WriteText("a.jsonl",
            """{"id":7,"reverse_inspiration_prompt":"写广告","reasoning_process":"想卖点","article":"好喝","metadata":{"genre":"广告语","quality_score":9,"creativity_score":8,"source":"weibo"}}""" + "\n");

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        var t = Assert.Single(entries).Triplet!;
        Assert.Equal("7", t.Id);
        Assert.Equal("写广告", t.Query);
        Assert.Equal("想卖点", t.Thought);
        Assert.Equal("好喝", t.Answer);
        Assert.Equal("advertising_copy", t.GenreId);
        Assert.Equal(9, t.Scores!.ArticleQuality);
        Assert.Equal(8, t.Scores.ArticleCreativity);
        Assert.Null(t.Scores.QueryQuality);
        Assert.Equal("weibo", t.ExtraMetadata!["source"].GetString());
    }

    [Fact]
    public async Task ReadAsync_MalformedLine_ReportsLineAndByteAndLoadsOthers()
    {
        var path = _files.WriteText("a.jsonl", Lines(DatasetTestFiles.Record("a"), """{"id":"b","query":}""", DatasetTestFiles.Record("c")));

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal(["a", "c"], entries.Where(e => e.IsAccepted).Select(e => e.Triplet!.Id));
        var problem = Assert.Single(entries.Single(e => e.Kind == DatasetEntryKind.Rejected).Problems);
        Assert.Equal(DatasetProblemKind.MalformedRecord, problem.Kind);
        Assert.Equal(path, problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Equal(19, problem.ByteInLine); // the '}' where a value should be, counted by hand
        Assert.Null(problem.Field);
        Assert.Equal("""{"id":"b","query":}""", problem.RawRecord);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_ReportsLineAndByteOffset()
    {
        var good = Encoding.UTF8.GetBytes(DatasetTestFiles.Record("a") + "\n");
        var bad = Encoding.UTF8.GetBytes("""{"id":"b","query":"写X","thought":"t","answer":"a"}""" + "\n");
        var x = Array.IndexOf(bad, (byte)'X');
        bad[x] = 0xFF;
        var path = _files.WriteBytes("a.jsonl", [.. good, .. bad, .. Encoding.UTF8.GetBytes(DatasetTestFiles.Record("c") + "\n")]);

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        var problem = Assert.Single(entries.Single(e => e.Kind == DatasetEntryKind.Rejected).Problems);
        Assert.Equal(DatasetProblemKind.InvalidUtf8, problem.Kind);
        Assert.Equal(2, problem.Line);
        Assert.Equal(x + 1, problem.ByteInLine);
        Assert.Equal(2, entries.Count(e => e.IsAccepted));
        Assert.Contains('\uFFFD', problem.RawRecord!);
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMark_WarnsOnLine1AndReadsRecords()
    {
        var path = _files.WriteBytes("a.jsonl", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Lines(DatasetTestFiles.Record("a"), DatasetTestFiles.Record("b")))]);

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        var warning = Assert.Single(entries, e => e.Kind == DatasetEntryKind.FileProblem).Problems[0];
        Assert.Equal(DatasetProblemKind.ByteOrderMark, warning.Kind);
        Assert.Equal(DatasetProblemSeverity.Warning, warning.Severity);
        Assert.Equal(1, warning.Line);
        Assert.Equal(["a", "b"], entries.Where(e => e.IsAccepted).Select(e => e.Triplet!.Id));
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarkOnJsonArray_StillDetectsJson()
    {
        var path = _files.WriteBytes("data.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("[" + DatasetTestFiles.Record("a") + "]")]);

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal("a", Assert.Single(entries, e => e.IsAccepted).Triplet!.Id);
    }

    [Theory]
    [InlineData("""{"id":"x","query":"q","answer":"a"}""", "thought", DatasetProblemKind.MissingField)]
    [InlineData("""{"id":"x","query":"q","thought":null,"answer":"a"}""", "thought", DatasetProblemKind.MissingField)]
    [InlineData("""{"query":"q","thought":"t","answer":"a"}""", "id", DatasetProblemKind.MissingField)]
    [InlineData("""{"id":"x","query":"q","thought":"t","answer":"  "}""", "answer", DatasetProblemKind.EmptyField)]
    [InlineData("""{"id":"x","reverse_inspiration_prompt":"","thought":"t","answer":"a"}""", "reverse_inspiration_prompt", DatasetProblemKind.EmptyField)]
    [InlineData("""{"id":"","query":"q","thought":"t","answer":"a"}""", "id", DatasetProblemKind.EmptyField)]
    [InlineData("""{"id":"x","query":3,"thought":"t","answer":"a"}""", "query", DatasetProblemKind.InvalidValue)]
    [InlineData("""{"id":"x","query":"q","thought":"t","answer":"a","metadata":{"genre":"火星文学"}}""", "metadata.genre", DatasetProblemKind.UnknownGenre)]
    [InlineData("""{"id":"x","query":"q","thought":"t","answer":"a","genre":"no such genre"}""", "genre", DatasetProblemKind.UnknownGenre)]
    [InlineData("""{"id":"x","query":"q","thought":"t","answer":"a","metadata":{"quality_score":11}}""", "metadata.quality_score", DatasetProblemKind.InvalidValue)]
    [InlineData("""{"id":"x","query":"q","thought":"t","answer":"a","metadata":{"creativity_score":7.5}}""", "metadata.creativity_score", DatasetProblemKind.InvalidValue)]
    [InlineData("""{"id":"x","query":"q","thought":"t","answer":"a","metadata":[]}""", "metadata", DatasetProblemKind.InvalidValue)]
    [InlineData("""{"id":"x","query":"q","reverse_inspiration_prompt":"q2","thought":"t","answer":"a"}""", "reverse_inspiration_prompt", DatasetProblemKind.InvalidValue)]
    [InlineData("""{"id":"x","query":"q","thought":"t","answer":"a","metadata":{"published_at":"yesterday"}}""", "metadata.published_at", DatasetProblemKind.InvalidValue)]
    [InlineData("""{"id":"x","query":"q","thought":"t","answer":"a","metadata":{"review_state":"done"}}""", "metadata.review_state", DatasetProblemKind.InvalidValue)]
    public async Task ReadAsync_BadField_RejectsRecordNamingLineAndField(string bad, string field, DatasetProblemKind kind)
    {
        var path = _files.WriteText("a.jsonl", Lines(DatasetTestFiles.Record("a"), DatasetTestFiles.Record("b"), bad));

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal(2, entries.Count(e => e.IsAccepted));
        var rejected = Assert.Single(entries, e => e.Kind == DatasetEntryKind.Rejected);
        var problem = Assert.Single(rejected.Problems);
        Assert.Equal((path, 3L, field, kind), (problem.File, problem.Line!.Value, problem.Field, problem.Kind));
        Assert.Equal(bad, problem.RawRecord);
        Assert.StartsWith($"{path}:line 3: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SeveralBadFields_ReportsEach()
    {
        var path = _files.WriteText("a.jsonl", """{"id":"x","query":"","answer":"a","metadata":{"genre":"??"}}""" + "\n");

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        var fields = Assert.Single(entries).Problems.Select(p => p.Field).ToArray();
        Assert.Equal(["query", "thought", "metadata.genre"], fields);
        Assert.All(Assert.Single(entries).Problems, p => Assert.Equal("x", p.RecordId));
    }

    [Fact]
    public async Task ReadAsync_MissingGenreWhenRequired_RejectsRecord()
    {
        var path = _files.WriteText("a.jsonl", Lines(DatasetTestFiles.Record("a")));

        var lenient = await DatasetTestFiles.ReadAllAsync(path);
        var strictGenre = await DatasetTestFiles.ReadAllAsync(path, new DatasetReadOptions { RequireGenre = true });

        Assert.Null(Assert.Single(lenient).Triplet!.GenreId);
        var problem = Assert.Single(Assert.Single(strictGenre).Problems);
        Assert.Equal(("metadata.genre", DatasetProblemKind.MissingField), (problem.Field, problem.Kind));
    }

    [Fact]
    public async Task ReadAsync_DuplicateId_RejectsLaterRecordNamingFirstLine()
    {
        var path = _files.WriteText("a.jsonl", Lines(DatasetTestFiles.Record("a"), DatasetTestFiles.Record("b"), "", DatasetTestFiles.Record("a", query: "另一个")));

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal(["a", "b"], entries.Where(e => e.IsAccepted).Select(e => e.Triplet!.Id));
        var problem = Assert.Single(Assert.Single(entries, e => e.Kind == DatasetEntryKind.Rejected).Problems);
        Assert.Equal((4L, "id", DatasetProblemKind.DuplicateId, "a"), (problem.Line!.Value, problem.Field, problem.Kind, problem.RecordId));
        Assert.EndsWith("already used by the record at line 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Strict_ThrowsOnFirstProblemWithLocation()
    {
        var path = _files.WriteText("a.jsonl", Lines(DatasetTestFiles.Record("a"), """{"id":"b","query":"q","thought":"t"}""", "not json"));
        var seen = new List<string>();

        var ex = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (var e in DatasetReader.ReadAsync(path, new DatasetReadOptions { Strict = true }, TestContext.Current.CancellationToken))
                seen.Add(e.Triplet!.Id);
        });

        Assert.Equal(["a"], seen);
        Assert.Equal((2L, "answer"), (ex.Problem!.Line!.Value, ex.Problem.Field));
        Assert.Equal($"{path}:line 2: record 'b': field 'answer': required field is missing", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_StrictWithByteOrderMark_Throws()
    {
        var path = _files.WriteBytes("a.jsonl", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(DatasetTestFiles.Record("a"))]);

        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => DatasetTestFiles.ReadAllAsync(path, new DatasetReadOptions { Strict = true }));

        Assert.Equal(DatasetProblemKind.ByteOrderMark, ex.Problem!.Kind);
    }

    [Fact]
    public async Task ReadAsync_JsonArray_ReportsLineOfBadElementAndLoadsOthers()
    {
        var text = "[\n  " + DatasetTestFiles.Record("a") + ",\n  {\"id\": \"b\",\n   \"query\": [1, }\n  },\n  42,\n  " + DatasetTestFiles.Record("c", answer: "含 ] 和 } 的\\\"文本\\\"") + "\n]\n";
        var path = _files.WriteText("a.json", text);

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal(["a", "c"], entries.Where(e => e.IsAccepted).Select(e => e.Triplet!.Id));
        Assert.Equal("含 ] 和 } 的\"文本\"", entries.Last().Triplet!.Answer);
        var problems = entries.Where(e => e.Kind == DatasetEntryKind.Rejected).Select(e => e.Problems.Single()).ToArray();
        Assert.Equal(2, problems.Length);
        Assert.Equal((4L, DatasetProblemKind.MalformedRecord), (problems[0].Line!.Value, problems[0].Kind)); // the error is on the element's second line
        Assert.Equal((6L, DatasetProblemKind.MalformedRecord), (problems[1].Line!.Value, problems[1].Kind));
        Assert.Equal("42", problems[1].RawRecord);
        Assert.Equal(3, entries.First(e => e.Kind == DatasetEntryKind.Rejected).Line); // where element "b" starts
    }

    [Fact]
    public async Task ReadAsync_JsonArrayUnterminated_RejectsLastRecordWithItsLine()
    {
        var path = _files.WriteText("a.json", "[\n" + DatasetTestFiles.Record("a") + ",\n" + """{"id":"b","query":"q""");

        var entries = await DatasetTestFiles.ReadAllAsync(path);

        Assert.Equal("a", Assert.Single(entries, e => e.IsAccepted).Triplet!.Id);
        var problem = Assert.Single(entries, e => e.Kind == DatasetEntryKind.Rejected).Problems.Single();
        Assert.Equal((3L, DatasetProblemKind.MalformedRecord), (problem.Line!.Value, problem.Kind));
    }

    [Fact]
    public async Task ReadAsync_JsonNotAnArray_IsFileProblem()
    {
        var path = _files.WriteText("a.json", "\n\n  \"text\"");

        var entries = await DatasetTestFiles.ReadAllAsync(path, new DatasetReadOptions { Format = DatasetFormat.Json });

        var problem = Assert.Single(entries).Problems.Single();
        Assert.Equal((DatasetEntryKind.FileProblem, DatasetProblemKind.UnreadableFile, 3L), (Assert.Single(entries).Kind, problem.Kind, problem.Line!.Value));
    }

    [Fact]
    public async Task ReadAsync_FormatOverride_ReadsArrayFileAsLines()
    {
        var path = _files.WriteText("a.json", "[\n" + DatasetTestFiles.Record("a") + "\n]\n");

        var detected = await DatasetTestFiles.ReadAllAsync(path);
        var forced = await DatasetTestFiles.ReadAllAsync(path, new DatasetReadOptions { Format = DatasetFormat.Jsonl });

        Assert.Single(detected, e => e.IsAccepted);
        Assert.Equal([1L, 3L], forced.Where(e => e.Kind == DatasetEntryKind.Rejected).Select(e => e.Line!.Value));
        Assert.Equal(2L, Assert.Single(forced, e => e.IsAccepted).Line);
    }

    [Fact]
    public async Task ReadAsync_Summary_CountsReadAcceptedRejected()
    {
        var path = _files.WriteBytes("a.jsonl", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Lines(DatasetTestFiles.Record("a"), "{", DatasetTestFiles.Record("a"), DatasetTestFiles.Record("b")))]);
        var summary = new DatasetReadSummary();

        foreach (var e in await DatasetTestFiles.ReadAllAsync(path)) summary.Add(e);

        Assert.Equal((4L, 2L, 2L, 1L, 3L), (summary.Read, summary.Accepted, summary.Rejected, summary.Warnings, summary.ProblemCount));
        Assert.Equal("read 4, accepted 2, rejected 2 (3 problems, 1 warnings)", summary.ToString());
    }
}
