using NCovNet.Core.Inference;

namespace NCovNet.Pipeline;

/// <summary>Settings of the "Pipeline" configuration section (Pipeline__X in app settings).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Largest image accepted over HTTP or scored from the input container (default 32 MiB).</summary>
    public long MaxImageBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Folder of the model package (model.onnx + model.json); relative paths start at the app's base directory.</summary>
    public string ModelPath { get; set; } = "models/default";

    /// <summary>How long one worker holds an id while scoring it; others wait for its result, and take over if it lapses (the holder crashed).</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The ONNX session: provider (auto: CUDA when present), intra-op threads, largest batch, CUDA
    /// provider options (Pipeline__Inference__CudaProviderOptions__prefer_nhwc=1).
    /// </summary>
    public InferenceOptions Inference { get; set; } = new();
}
