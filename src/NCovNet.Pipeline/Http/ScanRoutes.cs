namespace NCovNet.Pipeline.Http;

/// <summary>The HTTP routes both hosts serve under /api (the Functions default prefix).</summary>
public static class ScanRoutes
{
    public const string Prefix = "api";

    public const string Scans = "scans";

    public const string Scan = "scans/{id}";

    public const string Heatmap = "scans/{id}/heatmap";

    public const string Model = "model";

    public const string Health = "health";

    public static string ScanLocation(string scanId) => $"/{Prefix}/scans/{scanId}";
}
