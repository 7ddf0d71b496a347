using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class GeneralDataReaderTests
{
    [Fact]
    public async Task ReadAsync_BadAndBlankLines_ReportsBadOnesWithTheirLineNumbers()
    {
        using var data = new TrainingTestData();
        var lines = string.Join('\n',
            """{"instruction":"a","output":"b"}""",
            "",
            "not json",
            """{"conversations":[{"from":"human","value":"q"},{"from":"gpt","value":"r"}]}""",
            """{"messages":[{"role":"assistant","content":"r"}]}""") + "\n";
        await File.WriteAllTextAsync(data.PathOf("mixed.jsonl"), lines, TestContext.Current.CancellationToken);

        var records = new List<GeneralDataRecord>();
        await foreach (var record in GeneralDataReader.ReadAsync(data.PathOf("mixed.jsonl"), "general/mixed.jsonl", TestContext.Current.CancellationToken))
            records.Add(record);

        Assert.Equal(4, records.Count);
        Assert.Equal([1, 4], records.Where(r => r.Sample is not null).Select(r => r.Sample!.Line));
        Assert.Equal(["general/mixed.jsonl:3", "general/mixed.jsonl:5"], records.Where(r => r.Issue is not null).Select(r => $"{r.Issue!.File}:{r.Issue.Line}"));
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<TrainingDataException>(async () =>
        {
            await foreach (var _ in GeneralDataReader.ReadAsync("/nonexistent/x.jsonl", "x.jsonl", TestContext.Current.CancellationToken))
            {
            }
        });
        Assert.StartsWith("x.jsonl: ", ex.Message, StringComparison.Ordinal);
    }
}
