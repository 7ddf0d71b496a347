using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Inkstone.Llm.Download;

/// <summary>
/// Downloads a GGUF file from Hugging Face (or the mirror named by <c>HF_ENDPOINT</c>) into a <c>.part</c> file,
/// resuming an interrupted transfer with a Range request, then checks its SHA-256 before renaming it into place. The
/// expected checksum is the catalogue's when known, otherwise the hub's LFS record of the file
/// (<c>/api/models/REPO/revision/REV?blobs=true</c>, <c>siblings[].lfs.sha256</c>).
/// </summary>
public sealed class ModelDownloader
{
    public const string DefaultEndpoint = "https://huggingface.co";
    private const int BufferSize = 1 << 20;
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    private readonly string? _token;

    /// <param name="token">Hugging Face access token for gated repositories (<c>HF_TOKEN</c>); sent only to the hub endpoint.</param>
    public ModelDownloader(HttpClient http, string? endpoint = null, string? token = null)
    {
        _http = http;
        _token = string.IsNullOrWhiteSpace(token) ? null : token;
        var root = string.IsNullOrWhiteSpace(endpoint) ? DefaultEndpoint : endpoint.Trim();
        _endpoint = new Uri(root.TrimEnd('/') + "/");
    }

    /// <summary>The endpoint from <c>HF_ENDPOINT</c>, or huggingface.co.</summary>
    public static string? EndpointFromEnvironment() => Environment.GetEnvironmentVariable("HF_ENDPOINT");

    public Uri FileUrl(CatalogModel model) => new(_endpoint, $"{model.Repository}/resolve/{model.Revision}/{Uri.EscapeDataString(model.FileName)}");

    public async Task<DownloadResult> DownloadAsync(CatalogModel model, string directory, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, model.FileName);
        var part = target + ".part";
        var (expectedSha, expectedSize) = model.Sha256 is { } known ? (known.ToLowerInvariant(), (long?)null) : await LookUpAsync(model, cancellationToken).ConfigureAwait(false);

        if (File.Exists(target))
        {
            var present = await HashFileAsync(target, cancellationToken).ConfigureAwait(false);
            if (present == expectedSha) return new DownloadResult(target, new FileInfo(target).Length, present, false, true);
            File.Move(target, part, overwrite: true); // A wrong or partial file: treat it as a part to resume or replace.
        }

        var resumedFrom = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (expectedSize is { } size && resumedFrom > size) { File.Delete(part); resumedFrom = 0; }
        using (var request = new HttpRequestMessage(HttpMethod.Get, FileUrl(model)))
        {
            if (resumedFrom > 0) request.Headers.Range = new RangeHeaderValue(resumedFrom, null);
            Authorize(request);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && expectedSize == resumedFrom)
            {
                // The part is already whole; only the check and rename are left.
            }
            else
            {
                if (!response.IsSuccessStatusCode)
                    throw new ModelDownloadException($"{FileUrl(model)}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                var append = resumedFrom > 0 && response.StatusCode == HttpStatusCode.PartialContent;
                if (!append) resumedFrom = 0;
                var total = response.Content.Headers.ContentLength is { } length ? length + resumedFrom : expectedSize;
                await using var output = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
                await using var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var buffer = new byte[BufferSize];
                var done = resumedFrom;
                progress?.Report(new DownloadProgress(done, total, append));
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    done += read;
                    progress?.Report(new DownloadProgress(done, total, append));
                }
            }
        }

        var actual = await HashFileAsync(part, cancellationToken).ConfigureAwait(false);
        if (actual != expectedSha)
        {
            File.Delete(part);
            throw new ModelDownloadException($"{model.FileName}: SHA-256 {actual} does not match the expected {expectedSha}; the partial file was removed, run the command again");
        }
        File.Move(part, target, overwrite: true);
        return new DownloadResult(target, new FileInfo(target).Length, actual, resumedFrom > 0, false);
    }

    /// <summary>The hub's SHA-256 and size for the file (its LFS record).</summary>
    public async Task<(string Sha256, long? Size)> LookUpAsync(CatalogModel model, CancellationToken cancellationToken = default)
    {
        var url = new Uri(_endpoint, $"api/models/{model.Repository}/revision/{model.Revision}?blobs=true");
        using var lookup = new HttpRequestMessage(HttpMethod.Get, url);
        Authorize(lookup);
        using var response = await _http.SendAsync(lookup, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new ModelDownloadException($"{url}: HTTP {(int)response.StatusCode}; cannot learn the checksum of {model.FileName} (pass --sha256 to give it)");
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (json.RootElement.TryGetProperty("siblings", out var siblings))
        {
            foreach (var s in siblings.EnumerateArray())
            {
                if (s.TryGetProperty("rfilename", out var name) && name.GetString() == model.FileName
                    && s.TryGetProperty("lfs", out var lfs) && lfs.TryGetProperty("sha256", out var sha))
                    return (sha.GetString()!.ToLowerInvariant(), lfs.TryGetProperty("size", out var size) ? size.GetInt64() : null);
            }
        }
        throw new ModelDownloadException($"{url}: no LFS record for {model.FileName} in {model.Repository}@{model.Revision}");
    }

    private void Authorize(HttpRequestMessage request)
    {
        if (_token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
