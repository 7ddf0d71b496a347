using System.Text;
using Inkstone.Datasets;

namespace Inkstone.Tests.Datasets;

public sealed class DatasetFormatDetectorTests
{
    [Theory]
    [InlineData("PAR1\0\0", "x.json", DatasetFormat.Parquet)]
    [InlineData("  \n [ {}", "x.jsonl", DatasetFormat.Json)]
    [InlineData("\uFEFF[]", "x.txt", DatasetFormat.Json)]
    [InlineData("{\"id\":1}\n", "x.json", DatasetFormat.Jsonl)]
    [InlineData("", "x.json", DatasetFormat.Json)]
    [InlineData("", "x.parquet", DatasetFormat.Parquet)]
    [InlineData("", "x.data", DatasetFormat.Jsonl)]
    [InlineData("hello", "x.json", DatasetFormat.Json)]
    [InlineData("hello", "x.txt", DatasetFormat.Jsonl)]
    public void Detect_ContentFirstThenExtension(string head, string path, DatasetFormat expected) =>
        Assert.Equal(expected, DatasetFormatDetector.Detect(Encoding.UTF8.GetBytes(head), path));
}
