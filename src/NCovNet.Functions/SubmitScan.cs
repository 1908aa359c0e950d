using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NCovNet.Pipeline.Http;

namespace NCovNet.Functions;

/// <summary>POST /api/scans: image bytes in, scan id and Location out (?wait=true: the result).</summary>
public sealed class SubmitScan(SubmitScanHandler handler)
{
    [Function(nameof(SubmitScan))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ScanRoutes.Scans)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
