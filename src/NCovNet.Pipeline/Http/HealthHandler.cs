using Azure;
using Microsoft.AspNetCore.Http;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Http;

/// <summary>GET /api/health: 200 when the model is loaded and storage answers, else 503.</summary>
public sealed class HealthHandler(IRadiographScanner scanner, PipelineStorage storage)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> HandleAsync(CancellationToken cancellationToken)
    {
        // A probe answers within seconds instead of waiting out the storage client's retries.
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probe.CancelAfter(ProbeTimeout);
        try
        {
            await storage.Results.GetPropertiesAsync(cancellationToken: probe.Token);
        }
        catch (RequestFailedException e)
        {
            return Problems.Unhealthy($"Storage is not reachable: {e.Status} {e.ErrorCode}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Problems.Unhealthy($"Storage did not answer within {ProbeTimeout.TotalSeconds} s.");
        }

        return Results.Ok(HealthReport.Healthy(scanner.Model.Name, scanner.Model.Version));
    }
}
