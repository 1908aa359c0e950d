using Microsoft.AspNetCore.Http;

namespace NCovNet.Pipeline.Http;

/// <summary>The 202 body while a scan is being scored: its id, where its result will be, and status "pending".</summary>
public sealed record PendingScan(string Id, string Location, string Status)
{
    public static PendingScan Of(string scanId) => new(scanId, ScanRoutes.ScanLocation(scanId), "pending");

    /// <summary>202 with this body and its location in the Location header.</summary>
    public IResult Accepted() => Results.Accepted(Location, this);
}
