using System.Security.Cryptography;
using System.Text;

namespace Inkstone.Curation.Dedup;

/// <summary>Exact-duplicate key: lower-case hex SHA-256 of the UTF-8 bytes of the normalized text.</summary>
public static class ContentHash
{
    public static string Of(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var bytes = Encoding.UTF8.GetBytes(normalizedText);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
