using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace NCovNet.Pipeline.Http;

/// <summary>
/// Reads a request body into memory only up to a limit: a declared Content-Length over the
/// limit is refused before reading, and a chunked body is cut off as soon as it passes it.
/// Memory grows with the bytes that arrive, never with what a client merely declares.
/// </summary>
public static class BoundedBody
{
    private const int FirstBlock = 81920;

    /// <summary>The body, or null when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        try
        {
            return request.ContentLength is { } declared
                ? await ReadDeclaredAsync(request.Body, (int)declared, cancellationToken)
                : await ReadChunkedAsync(request.Body, (int)Math.Min(limit, Array.MaxLength), cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    /// <summary>
    /// Up to the declared length (where HTTP framing ends the body), doubling as the bytes arrive:
    /// an honest body ends in an array of exactly its size, with no final copy; a shorter one is trimmed.
    /// </summary>
    private static async Task<byte[]> ReadDeclaredAsync(Stream body, int declared, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(declared, FirstBlock)];
        var filled = await FillAsync(body, buffer, 0, cancellationToken);
        while (filled == buffer.Length && buffer.Length < declared)
        {
            Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, declared));
            filled = await FillAsync(body, buffer, filled, cancellationToken);
        }

        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    /// <summary>Doubling up to the limit; once full, one more byte means the body is too large.</summary>
    private static async Task<byte[]?> ReadChunkedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(limit, FirstBlock)];
        var filled = await FillAsync(body, buffer, 0, cancellationToken);
        while (filled == buffer.Length)
        {
            if (buffer.Length == limit)
            {
                return await body.ReadAsync(new byte[1], cancellationToken) == 0 ? buffer : null;
            }

            Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, limit));
            filled = await FillAsync(body, buffer, filled, cancellationToken);
        }

        return buffer[..filled];
    }

    /// <summary>Reads until the buffer is full or the body ends; returns how much of it is filled.</summary>
    private static async Task<int> FillAsync(Stream body, byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        int read;
        while (filled < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
