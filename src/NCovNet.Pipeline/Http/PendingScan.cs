namespace NCovNet.Pipeline.Http;

/// <summary>The 202 body while a scan is being scored: its id and where its result will be.</summary>
public sealed record PendingScan(string Id, string Location)
{
    public string Status => "pending";

    public static PendingScan Of(string scanId) => new(scanId, ScanRoutes.ScanLocation(scanId));
}
