namespace NCovNet.Pipeline.Http;

/// <summary>The 200 body of GET /api/health: the served model and that storage answered.</summary>
public sealed record HealthReport(string Status, HealthReport.ServedModel Model, string Storage)
{
    public static HealthReport Healthy(string modelName, string modelVersion) => new("healthy", new ServedModel(modelName, modelVersion), "reachable");

    public sealed record ServedModel(string Name, string Version);
}
