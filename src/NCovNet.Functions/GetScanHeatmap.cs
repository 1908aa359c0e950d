using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NCovNet.Pipeline.Http;

namespace NCovNet.Functions;

/// <summary>GET /api/scans/{id}/heatmap: overlay PNG (?kind=map: the raw map).</summary>
public sealed class GetScanHeatmap(GetHeatmapHandler handler)
{
    [Function(nameof(GetScanHeatmap))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ScanRoutes.Heatmap)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(id, request.Query["kind"], cancellationToken);
}
