using Microsoft.AspNetCore.Http;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Http;

/// <summary>GET /api/scans/{id}/heatmap: the overlay PNG, or with ?kind=map the raw map PNG, once the scan has its result.</summary>
public sealed class GetHeatmapHandler(ScanStore store)
{
    public async Task<IResult> HandleAsync(string? id, string? kind, CancellationToken cancellationToken)
    {
        if (!ScanId.TryNormalize(id, out var scanId))
        {
            return Problems.InvalidId(id);
        }

        HeatmapKind? heatmapKind = kind?.ToLowerInvariant() switch
        {
            null or "" or "overlay" => HeatmapKind.Overlay,
            "map" => HeatmapKind.Map,
            _ => null,
        };
        if (heatmapKind is not { } parsed)
        {
            return Problems.InvalidHeatmapKind(kind!);
        }

        // Heatmaps are stored before the result: until the result exists the scan is pending, and has none to show.
        if (!await store.HasRecordAsync(scanId, cancellationToken))
        {
            return Problems.HeatmapNotFound(scanId);
        }

        var png = await store.OpenHeatmapAsync(scanId, parsed, cancellationToken);
        return png is null ? Problems.HeatmapNotFound(scanId) : Results.Stream(png, "image/png");
    }
}
