namespace NCovNet.Pipeline.Http;

/// <summary>The 202 body while a scan is being scored: its id, where its result will be, and status "pending".</summary>
public sealed record PendingScan(string Id, string Location, string Status)
{
    public static PendingScan Of(string scanId) => new(scanId, ScanRoutes.ScanLocation(scanId), "pending");
}
