namespace NCovNet.Core.Inference;

/// <summary>How the ONNX session is created. Configuration, not constants.</summary>
public sealed record InferenceOptions
{
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Auto;

    /// <summary>Intra-op threads of the CPU provider; 0 means one per core.</summary>
    public int IntraOpThreads { get; init; }

    public int CudaDeviceId { get; init; }

    public ConvAlgorithmSearch ConvAlgorithmSearch { get; init; } = ConvAlgorithmSearch.Exhaustive;

    /// <summary>Largest number of images in one Run (on CUDA the load-time warm-up covers batch 1 and this size).</summary>
    public int MaxBatchSize { get; init; } = 8;

    /// <summary>
    /// ONNX Runtime CUDA provider options set over the engine's own (e.g. <c>use_tf32</c>,
    /// <c>prefer_nhwc</c>, <c>cudnn_conv_use_max_workspace</c>); names and values as ONNX Runtime
    /// spells them. Ignored on the CPU provider.
    /// </summary>
    public IReadOnlyDictionary<string, string> CudaProviderOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, ONNX Runtime records every node's time (a Chrome trace JSON whose name starts with this prefix) until <see cref="OnnxModelSession.EndProfiling"/>.</summary>
    public string? ProfilePrefix { get; init; }

    public int EffectiveIntraOpThreads => IntraOpThreads > 0 ? IntraOpThreads : Environment.ProcessorCount;
}
