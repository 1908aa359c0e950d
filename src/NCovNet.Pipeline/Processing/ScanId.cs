using System.Security.Cryptography;

namespace NCovNet.Pipeline.Processing;

/// <summary>A scan id: the lower-case hex SHA-256 of the image bytes (64 characters).</summary>
public static class ScanId
{
    public const int Length = 64;

    public static string Of(ReadOnlySpan<byte> image) => Convert.ToHexStringLower(SHA256.HashData(image));

    public static async Task<string> OfAsync(Stream image, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(image, cancellationToken));

    /// <summary>
    /// Accepts exactly 64 hex digits (either case) and returns them lower-cased. Anything else
    /// (slashes, dots, other lengths) is refused, so an id can never address another blob.
    /// </summary>
    public static bool TryNormalize(string? candidate, out string scanId)
    {
        scanId = string.Empty;
        if (candidate is null || candidate.Length != Length || !candidate.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        scanId = candidate.ToLowerInvariant();
        return true;
    }
}
