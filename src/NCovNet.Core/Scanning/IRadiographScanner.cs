using NCovNet.Core.Models;

namespace NCovNet.Core.Scanning;

/// <summary>
/// What every host calls: image bytes in, a result (success or typed failure) and heatmaps out.
/// Implementations are thread-safe and never throw for bad input; they return a failed result.
/// </summary>
public interface IRadiographScanner
{
    ModelManifest Model { get; }

    ScanOutcome Scan(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default);

    IReadOnlyList<ScanOutcome> ScanBatch(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default);
}

/// <summary>A result and, when it succeeded, its two heatmap PNGs.</summary>
public sealed record ScanOutcome(ScanResult Result, HeatmapImages? Heatmaps);

/// <summary>Grad-CAM renderings at the original image size: JET overlay on the radiograph (RGB PNG) and the raw map (8-bit gray PNG).</summary>
public sealed record HeatmapImages(byte[] OverlayPng, byte[] MapPng);
