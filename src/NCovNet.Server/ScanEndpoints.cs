using NCovNet.Pipeline.Http;

namespace NCovNet.Server;

/// <summary>The Functions app's routes, mapped onto the same handlers.</summary>
public static class ScanEndpoints
{
    public static RouteGroupBuilder MapScanApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/" + ScanRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>();
        api.MapPost(ScanRoutes.Scans, (HttpRequest request, SubmitScanHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(request, cancellationToken));
        api.MapGet(ScanRoutes.Scan, (string id, GetScanHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(id, cancellationToken));
        api.MapGet(ScanRoutes.Heatmap, (string id, string? kind, GetHeatmapHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(id, kind, cancellationToken));
        api.MapGet(ScanRoutes.Model, (ModelCardHandler handler) => handler.Handle());
        api.MapGet(ScanRoutes.Health, (HealthHandler handler, CancellationToken cancellationToken) => handler.HandleAsync(cancellationToken));
        return api;
    }
}
