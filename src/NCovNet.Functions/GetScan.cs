using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NCovNet.Pipeline.Http;

namespace NCovNet.Functions;

/// <summary>GET /api/scans/{id}: the stored result (202 while pending).</summary>
public sealed class GetScan(GetScanHandler handler)
{
    [Function(nameof(GetScan))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ScanRoutes.Scan)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(id, cancellationToken);
}
