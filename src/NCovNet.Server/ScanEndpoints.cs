using NCovNet.Core.Models;
using NCovNet.Pipeline.Http;
using NCovNet.Pipeline.Processing;

namespace NCovNet.Server;

/// <summary>The Functions app's routes, mapped onto the same handlers, described for the OpenAPI document.</summary>
public static class ScanEndpoints
{
    private const string Png = "image/png";

    public static RouteGroupBuilder MapScanApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/" + ScanRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>().WithTags("scans")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        api.MapPost(ScanRoutes.Scans, (HttpRequest request, SubmitScanHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .WithName("SubmitScan")
            .WithSummary("Upload a radiograph (PNG, JPEG or DICOM bytes as the body) to be scored")
            .WithDescription("Answers 202 with the scan id and its location; with ?wait=true, 200 with the result once scored. "
                + "The id is the SHA-256 of the bytes, so the same image sent twice is one scan.")
            .Accepts<Stream>("application/octet-stream", Png, "image/jpeg", "application/dicom")
            .Produces<ScanRecord>(StatusCodes.Status200OK)
            .Produces<PendingScan>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet(ScanRoutes.Scan, (string id, GetScanHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, cancellationToken))
            .WithName("GetScan")
            .WithSummary("The result of a scan: 200 once scored (succeeded or failed, see result.status), 202 while pending")
            .Produces<ScanRecord>(StatusCodes.Status200OK)
            .Produces<PendingScan>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ScanRoutes.Heatmap, (string id, string? kind, GetHeatmapHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, kind, cancellationToken))
            .WithName("GetScanHeatmap")
            .WithSummary("The Grad-CAM heatmap at the radiograph's size: the JET overlay (kind=overlay, default, RGB PNG) or the raw map (kind=map, 8-bit gray PNG)")
            .Produces<Stream>(StatusCodes.Status200OK, Png)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(ScanRoutes.Model, (ModelCardHandler handler) => handler.Handle())
            .WithName("GetModel")
            .WithSummary("The served model's card: name, version, classes, preprocessing, metrics, licence")
            .Produces<ModelManifest>(StatusCodes.Status200OK);

        api.MapGet(ScanRoutes.Health, (HealthHandler handler, CancellationToken cancellationToken) => handler.HandleAsync(cancellationToken))
            .WithName("GetHealth")
            .WithSummary("200 when the model is loaded and storage answers, 503 otherwise")
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }
}
