using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Inkstone.Curation.Dedup;

/// <summary>Exact-duplicate key: lower-case hex SHA-256 of the UTF-8 bytes of the normalized text.</summary>
public static class ContentHash
{
    public static string Of(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(normalizedText.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(normalizedText, buffer);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
