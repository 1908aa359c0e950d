using NCovNet.Core.Inference;
using NCovNet.Core.Scanning;

namespace NCovNet.Pipeline;

/// <summary>Settings of the "Pipeline" configuration section (Pipeline__X in app settings).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Largest image accepted over HTTP or scored from the input container (default 32 MiB).</summary>
    public long MaxImageBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Folder of the model package (model.onnx + model.json); relative paths start at the app's base directory.</summary>
    public string ModelPath { get; set; } = "models/default";

    /// <summary>Shortest <see cref="ClaimDuration"/>: a claim is a blob lease, and storage grants 15 to 60 seconds.</summary>
    public static readonly TimeSpan MinClaimDuration = TimeSpan.FromSeconds(15);

    /// <summary>Longest <see cref="ClaimDuration"/> (blob lease limit).</summary>
    public static readonly TimeSpan MaxClaimDuration = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one worker holds an id while scoring it (15-60 s, checked at start-up); others wait
    /// for its result, and take over if it lapses (the holder crashed).
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = MaxClaimDuration;

    /// <summary>Colour weight of the Grad-CAM overlay on the radiograph, 0 (radiograph only) to 1 (map only).</summary>
    public double HeatmapOpacity { get; set; } = EngineOptions.DefaultHeatmapOpacity;

    /// <summary>
    /// The ONNX session: provider (auto: CUDA when present), intra-op threads, largest batch, CUDA
    /// provider options (Pipeline__Inference__CudaProviderOptions__prefer_nhwc=1).
    /// </summary>
    public InferenceOptions Inference { get; set; } = new();
}
