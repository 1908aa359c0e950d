using NCovNet.Core.Scanning;

namespace NCovNet.Pipeline.Processing;

/// <summary>
/// What result.json holds: the scan id, when it was completed, the scanner's result and the
/// relative routes of its heatmaps. Input blob names are not stored (a file name may itself
/// identify a patient); the names/ pointers map names to ids.
/// </summary>
public sealed record ScanRecord
{
    public required string Id { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    public required ScanResult Result { get; init; }

    /// <summary>True when overlay.png and map.png were stored with this result.</summary>
    public required bool HasHeatmaps { get; init; }
}
