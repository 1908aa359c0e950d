using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NCovNet.Pipeline.Http;

namespace NCovNet.Functions;

/// <summary>GET /api/health: model loaded and storage reachable.</summary>
public sealed class GetHealth(HealthHandler handler)
{
    [Function(nameof(GetHealth))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ScanRoutes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(cancellationToken);
}
