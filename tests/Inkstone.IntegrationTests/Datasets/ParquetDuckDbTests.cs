using System.Diagnostics;
using System.Text.Json;
using Inkstone.Datasets;
using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Model;

namespace Inkstone.IntegrationTests.Datasets;

/// <summary>A Parquet file written by Inkstone is read by DuckDB, an independent Parquet implementation.</summary>
public sealed class ParquetDuckDbTests
{
    private static async IAsyncEnumerable<Triplet> Triplets(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new Triplet
            {
                Id = $"r{i:D5}",
                Query = "写一首诗" + new string('月', i % 7),
                Thought = "先想意象，再定结构。😀",
                Answer = i % 2 == 0 ? "床前明月光，疑是地上霜。" : "Roses are red.",
                GenreId = i % 3 == 0 ? "modern_poetry" : null,
                Scores = i % 4 == 0 ? new AssessmentScores { ArticleQuality = 9, ArticleCreativity = 8, ThoughtCreativity = 10 } : null,
                ReviewState = i == 1 ? ReviewState.Accepted : ReviewState.Unreviewed,
            };
        }
    }

    [Fact]
    public async Task WriteAsync_Parquet_IsReadByDuckDb()
    {
        var root = RequiredService.RepositoryRoot();
        var script = Path.Combine(root, "tests", "tools", "duckdb-read-parquet.mjs");
        RequiredService.Ensure(Directory.Exists(Path.Combine(root, "tests", "tools", "node_modules", "@duckdb", "node-api")), "npm package @duckdb/node-api (cd tests/tools && npm install)");
        var path = Path.Combine(Path.GetTempPath(), $"inkstone-duckdb-{Guid.NewGuid():N}.parquet");
        try
        {
            // More rows than one row group holds, so that DuckDB reads several groups.
            const int count = ParquetDatasetWriterRowGroup + 5;
            await DatasetWriter.WriteAsync(path, Triplets(count), DatasetFormat.Parquet, TestContext.Current.CancellationToken);

            var (exitCode, output, error) = await RunNodeAsync(script, path);
            RequiredService.Ensure(exitCode != 127, "node");
            Assert.True(exitCode == 0, error);

            using var doc = JsonDocument.Parse(output);
            var result = doc.RootElement;
            Assert.Equal(count, result.GetProperty("count").GetInt32());
            var types = result.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column_name").GetString()!, c => c.GetProperty("column_type").GetString());
            Assert.Equal("VARCHAR", types["id"]);
            Assert.Equal("VARCHAR", types["answer"]);
            Assert.Equal("INTEGER", types["quality_score"]);
            Assert.Equal("VARCHAR", types["metadata"]);

            var rows = result.GetProperty("rows");
            var r0 = rows[0];
            Assert.Equal("r00000", r0.GetProperty("id").GetString());
            Assert.Equal("modern_poetry", r0.GetProperty("genre").GetString());
            Assert.Equal(9, r0.GetProperty("quality_score").GetInt32());
            Assert.Equal(10, r0.GetProperty("thought_creativity_score").GetInt32());
            Assert.Equal(12, r0.GetProperty("answer_length").GetInt32()); // 床前明月光，疑是地上霜。 counted by hand
            Assert.Equal(11, r0.GetProperty("thought_length").GetInt32()); // the emoji is one code point
            Assert.Equal(JsonValueKind.Null, r0.GetProperty("metadata").ValueKind);
            var r1 = rows[1];
            Assert.Equal(JsonValueKind.Null, r1.GetProperty("genre").ValueKind);
            Assert.Equal(JsonValueKind.Null, r1.GetProperty("quality_score").ValueKind);
            Assert.Equal("""{"review_state":"accepted"}""", r1.GetProperty("metadata").GetString());
            Assert.Equal(5, r1.GetProperty("query_length").GetInt32());
            var last = rows[count - 1];
            Assert.Equal($"r{count - 1:D5}", last.GetProperty("id").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const int ParquetDatasetWriterRowGroup = 10_000;

    private static async Task<(int ExitCode, string Output, string Error)> RunNodeAsync(string script, string file)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(script)! };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, "", "node not found");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output, await error);
        }
    }
}
