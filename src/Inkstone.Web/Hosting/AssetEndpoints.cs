using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inkstone.Web.Hosting;

/// <summary>Serves the app's own stylesheet and scripts from resources embedded in this assembly: nothing is fetched from elsewhere.</summary>
public static class AssetEndpoints
{
    private static readonly ConcurrentDictionary<string, (byte[] Bytes, string ETag)?> s_cache = new(StringComparer.Ordinal);

    public static void MapAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            var asset = s_cache.GetOrAdd(name, Load);
            if (asset is not { } found) return Results.NotFound();
            if (context.Request.Headers.IfNoneMatch == found.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
            context.Response.Headers.ETag = found.ETag;
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(found.Bytes, ContentType(name));
        }).AllowAnonymous();
    }

    private static (byte[], string)? Load(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)) return null;
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("assets/" + name);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
