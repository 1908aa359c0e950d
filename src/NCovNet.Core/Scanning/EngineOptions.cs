using NCovNet.Core.Imaging;
using NCovNet.Core.Inference;

namespace NCovNet.Core.Scanning;

/// <summary>Configuration of <see cref="RadiographScanner"/> (hosts bind it from their settings).</summary>
public sealed record EngineOptions
{
    public const double DefaultHeatmapOpacity = 0.4;

    /// <summary>Folder of the model package (model.onnx + model.json).</summary>
    public required string ModelDirectory { get; init; }

    public InferenceOptions Inference { get; init; } = new();

    /// <summary>Weight of the JET colours over the radiograph in the overlay, in [0, 1].</summary>
    public double HeatmapOpacity { get; init; } = DefaultHeatmapOpacity;

    /// <summary>Whether results carry the two heatmap PNGs (off for evaluation runs that only need scores).</summary>
    public bool RenderHeatmaps { get; init; } = true;

    public DecodeLimits DecodeLimits { get; init; } = DecodeLimits.Default;
}
