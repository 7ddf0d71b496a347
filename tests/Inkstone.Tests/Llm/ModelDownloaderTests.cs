using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Inkstone.Llm.Download;
using Inkstone.Testing;

namespace Inkstone.Tests.Llm;

public sealed class ModelDownloaderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "inkstone-pull-" + Guid.NewGuid().ToString("N"));
    private readonly byte[] _file = RandomNumberGenerator.GetBytes(300_000);
    private static readonly CatalogModel Model = new("tiny", "org/tiny-GGUF", "tiny.gguf", "test");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A hub stub: the LFS record, and the file with Range support; the first file request is cut off halfway.</summary>
    private LoopbackHttpServer Hub(string sha256, List<string?> ranges, bool interruptFirst)
    {
        var fileRequests = 0;
        return new LoopbackHttpServer(async (ctx, ct) =>
        {
            var path = ctx.Request.Url!.AbsolutePath;
            if (path == "/api/models/org/tiny-GGUF/revision/main")
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(new { siblings = new object[] { new { rfilename = "README.md" }, new { rfilename = "tiny.gguf", lfs = new { sha256, size = _file.Length } } } });
                await ctx.Response.OutputStream.WriteAsync(body, ct);
                return;
            }
            if (path != "/org/tiny-GGUF/resolve/main/tiny.gguf") { ctx.Response.StatusCode = 404; return; }
            var range = ctx.Request.Headers["Range"];
            ranges.Add(range);
            var start = range is null ? 0 : int.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
            if (start > 0)
            {
                ctx.Response.StatusCode = (int)HttpStatusCode.PartialContent;
                ctx.Response.Headers["Content-Range"] = $"bytes {start}-{_file.Length - 1}/{_file.Length}";
            }
            ctx.Response.ContentLength64 = _file.Length - start;
            if (interruptFirst && Interlocked.Increment(ref fileRequests) == 1)
            {
                await ctx.Response.OutputStream.WriteAsync(_file.AsMemory(start, 100_000), ct);
                await ctx.Response.OutputStream.FlushAsync(ct);
                ctx.Response.Abort();
                return;
            }
            await ctx.Response.OutputStream.WriteAsync(_file.AsMemory(start), ct);
        });
    }

    [Fact]
    public async Task DownloadAsync_InterruptedTransfer_ResumesWithRangeAndVerifies()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(_file));
        var ranges = new List<string?>();
        await using var hub = Hub(sha, ranges, interruptFirst: true);
        using var http = new HttpClient();
        var downloader = new ModelDownloader(http, hub.BaseAddress.ToString());
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAnyAsync<IOException>(() => downloader.DownloadAsync(Model, _directory, null, ct));
        var partLength = new FileInfo(Path.Combine(_directory, "tiny.gguf.part")).Length;
        Assert.InRange(partLength, 1, _file.Length - 1);

        var seen = new List<DownloadProgress>();
        var result = await downloader.DownloadAsync(Model, _directory, new SynchronousProgress(seen.Add), ct);
        Assert.True(result.Resumed);
        Assert.Equal(sha, result.Sha256);
        Assert.Equal(_file, await File.ReadAllBytesAsync(result.Path, ct));
        Assert.Equal([null, $"bytes={partLength}-"], ranges);
        Assert.Equal(_file.Length, seen[^1].BytesDone);
        Assert.False(File.Exists(result.Path + ".part"));

        var again = await downloader.DownloadAsync(Model, _directory, null, ct);
        Assert.True(again.AlreadyPresent);
        Assert.Equal(2, ranges.Count);
    }

    [Fact]
    public async Task DownloadAsync_ChecksumMismatch_FailsAndRemovesPart()
    {
        var ranges = new List<string?>();
        await using var hub = Hub(new string('0', 64), ranges, interruptFirst: false);
        using var http = new HttpClient();
        var downloader = new ModelDownloader(http, hub.BaseAddress.ToString());
        var e = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.DownloadAsync(Model, _directory, null, TestContext.Current.CancellationToken));
        Assert.Contains("does not match", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "tiny.gguf")));
        Assert.False(File.Exists(Path.Combine(_directory, "tiny.gguf.part")));
    }

    private sealed class SynchronousProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
