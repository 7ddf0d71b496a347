using System.Security.Cryptography;
using System.Text;

namespace Inkstone.Web.Security;

/// <summary>Invitation tokens: 32 random bytes in URL-safe base64; only their SHA-256 is stored, so a database copy opens no account.</summary>
public static class InvitationTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
