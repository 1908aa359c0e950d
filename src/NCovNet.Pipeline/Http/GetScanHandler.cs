using Microsoft.AspNetCore.Http;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Http;

/// <summary>GET /api/scans/{id}: 200 with the stored result, 202 while it is being scored, 404 if unknown.</summary>
public sealed class GetScanHandler(ScanStore store)
{
    public async Task<IResult> HandleAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ScanId.TryNormalize(id, out var scanId))
        {
            return Problems.InvalidId(id);
        }

        if (await store.GetRecordJsonAsync(scanId, cancellationToken) is { } json)
        {
            return Results.Text(json, "application/json", statusCode: StatusCodes.Status200OK);
        }

        return await store.IsPendingAsync(scanId, cancellationToken)
            ? PendingScan.Of(scanId).Accepted()
            : Problems.NotFound(scanId);
    }
}
