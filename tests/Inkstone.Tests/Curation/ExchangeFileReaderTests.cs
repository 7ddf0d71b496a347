using System.Text;
using Inkstone.Curation.Exchange;

namespace Inkstone.Tests.Curation;

/// <summary>The input policy on exchange files: invalid UTF-8, lone surrogates and duplicate keys reject the record, located.</summary>
public sealed class ExchangeFileReaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inkstone-exchange-");

    public void Dispose() => _directory.Delete(recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static async Task<List<ExchangeRecord>> ReadAsync(string path, params string[] required)
    {
        var records = new List<ExchangeRecord>();
        await foreach (var r in ExchangeFileReader.ReadAsync(path, required, Ct)) records.Add(r);
        return records;
    }

    [Fact]
    public async Task Jsonl_InvalidUtf8SurrogateDuplicateKey_EachRecordRejectedOthersRead()
    {
        byte[] bytes = [.. "{\"source_id\": \"a\"}\n"u8, .. "{\"source_id\": \"b"u8, 0xFF, .. "\"}\n"u8,
            .. "{\"source_id\": \"\\udc00\"}\n"u8, .. "{\"source_id\": \"c\", \"Source_Id\": \"d\"}\n"u8, .. "{\"source_id\": \"e\", \"extra\": 1}\n"u8];
        var records = await ReadAsync(Write("x.jsonl", bytes));
        Assert.Equal(5, records.Count);
        Assert.Equal("a", records[0].Get("source_id"));
        Assert.Contains("invalid UTF-8", records[1].Error, StringComparison.Ordinal);
        Assert.Contains("field 'source_id': lone surrogate", records[2].Error, StringComparison.Ordinal);
        Assert.Contains("field 'source_id': named twice", records[3].Error, StringComparison.Ordinal);
        Assert.Equal(("e", "1"), (records[4].Get("source_id"), records[4].Get("extra")));
        Assert.Equal("line 2", records[1].Location.Record);
    }

    [Fact]
    public async Task Csv_InvalidUtf8InMultilineField_RecordRejectedNamingLine()
    {
        var bytes = Encoding.UTF8.GetBytes("source_id,annotator\na,\"x\ny\"\nb,z\n").ToList();
        bytes.Insert(bytes.IndexOf((byte)'y'), 0xC3); // a lead byte without its continuation, on line 3
        var records = await ReadAsync(Write("x.csv", [.. bytes]), "source_id|id", "annotator");
        Assert.Equal(2, records.Count);
        Assert.StartsWith("invalid UTF-8 on line 3", records[0].Error, StringComparison.Ordinal);
        Assert.Equal("z", records[1].Get("annotator"));
    }

    [Fact]
    public async Task Csv_MissingRequiredColumn_NamesFileAndColumn()
    {
        var path = Write("s.csv", Encoding.UTF8.GetBytes("id,scorer\na,b\n"));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(path, "source_id|id", "annotator"));
        Assert.Equal($"{path}: column 'annotator' missing (the header has: id, scorer)", error.Message);
    }
}
