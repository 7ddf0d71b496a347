using Inkstone.Curation.Exchange;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Taxonomy;

namespace Inkstone.Tests.Input;

/// <summary>The input policy as each evaluation and exchange reader reports it: located, and the other records still read.</summary>
public sealed class InputPolicyReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inkstone-policy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Queries_LoneSurrogate_IsRejectedWithLineAndField()
    {
        var path = Write("q.jsonl", """
            {"id": "q1", "language": "zh", "genre": "宋词", "query": "写\ud800词"}
            {"id": "q2", "language": "zh", "genre": "宋词", "query": "写词"}
            """u8.ToArray());

        var result = await QuerySetFile.ReadAsync([path], GenreTaxonomy.Default, TestContext.Current.CancellationToken);

        Assert.Equal("q2", Assert.Single(result.Queries).Id);
        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal((1, "query"), (problem.Line, problem.Field));
        Assert.Contains("lone surrogate", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judgments_CsvLineWithInvalidUtf8_IsRejectedAndTheOthersRead()
    {
        var path = Write("j.csv", [.. "query_id,model_a,model_b,verdict\nq1,a,b,a\nq2,a,b,"u8, 0xFF, .. "\nq3,a,b,tie\n"u8]);

        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);

        Assert.Equal(["q1", "q3"], set.Pairwise.Select(p => p.QueryId).ToArray());
        var problem = Assert.Single(set.Diagnostics);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("invalid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judgments_CsvHeaderNamingAColumnTwice_IsOneDiagnostic()
    {
        var path = Write("j.csv", "query_id,model_a,model_b,verdict,verdict\nq1,a,b,a,b\n"u8.ToArray());
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        Assert.Empty(set.Pairwise);
        Assert.Equal("verdict", Assert.Single(set.Diagnostics).Field);
    }

    [Fact]
    public async Task Judgments_JsonArrayWithOneBadElement_ReadsTheOthers()
    {
        var path = Write("j.json", """
            [{"query_id": "q1", "model_a": "a", "model_b": "b", "verdict": "a"},
             {"query_id": "q2", "query_id": "q9", "model_a": "a", "model_b": "b", "verdict": "a"},
             {"query_id": "q3", "model_a": "a", "model_b": "b", "verdict": "b"}]
            """u8.ToArray());

        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);

        Assert.Equal(["q1", "q3"], set.Pairwise.Select(p => p.QueryId).ToArray());
        var problem = Assert.Single(set.Diagnostics);
        Assert.Equal((2, "query_id"), (problem.Line, problem.Field));
        Assert.Contains("duplicate key 'query_id'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judgments_JsonFileThatIsNotAnArray_SaysSo()
    {
        var path = Write("j.json", """{"query_id": "q1"}"""u8.ToArray());
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        Assert.Contains("must hold an array", Assert.Single(set.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehaviorLabels_LineThatIsNotAnObject_IsADiagnosticNotACrash()
    {
        var path = Write("l.jsonl", "[1, 2]\n"u8.ToArray());
        var (labels, problems) = await BehaviorLabelFile.ReadAsync(path, TestContext.Current.CancellationToken);
        Assert.Empty(labels);
        Assert.Equal(1, Assert.Single(problems).Line);
    }

    [Fact]
    public async Task Exchange_CsvHeaderNamingAColumnTwice_IsOneErrorNotACrash()
    {
        var path = Write("a.csv", "item_id,Score,score\nx,1,2\n"u8.ToArray());
        var records = await ExchangeFileReader.ReadAsync(path, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var record = Assert.Single(records);
        Assert.Null(record.Fields);
        Assert.Contains("'score' twice", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_JsonlKeysDifferingOnlyInCase_AreRejectedAsNamedTwice()
    {
        var path = Write("a.jsonl", "{\"item_id\": \"x\", \"Score\": 1, \"score\": 2}\n{\"item_id\": \"y\"}\n"u8.ToArray());
        var records = await ExchangeFileReader.ReadAsync(path, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Null(records[0].Fields);
        Assert.Contains("named twice", records[0].Error, StringComparison.Ordinal);
        Assert.Equal("y", records[1].Fields!["item_id"]);
    }

    [Fact]
    public async Task Judgments_SameFileNamedTwice_IsReadOnceWithANote()
    {
        var path = Write("j.jsonl", "{\"query_id\": \"q1\", \"model_a\": \"a\", \"model_b\": \"b\", \"verdict\": \"a\"}\n"u8.ToArray());

        var set = await JudgmentFileReader.ReadAllAsync([path, Path.Combine(_folder, ".", "j.jsonl")], null, TestContext.Current.CancellationToken);

        Assert.Single(set.Pairwise);
        Assert.Empty(set.Diagnostics);
        Assert.Contains("read once", Assert.Single(set.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queries_SameFileNamedTwice_IsReadOnceWithANote()
    {
        var path = Write("q.jsonl", "{\"id\": \"q1\", \"language\": \"zh\", \"genre\": \"宋词\", \"query\": \"写\"}\n"u8.ToArray());

        var result = await QuerySetFile.ReadAsync([path, path], GenreTaxonomy.Default, TestContext.Current.CancellationToken);

        Assert.Single(result.Queries);
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Notes);
    }
}
