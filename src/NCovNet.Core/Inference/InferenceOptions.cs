namespace NCovNet.Core.Inference;

/// <summary>How the ONNX session is created. Configuration, not constants.</summary>
public sealed record InferenceOptions
{
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Auto;

    /// <summary>Intra-op threads of the CPU provider; 0 means one per core.</summary>
    public int IntraOpThreads { get; init; }

    public int CudaDeviceId { get; init; }

    public ConvAlgorithmSearch ConvAlgorithmSearch { get; init; } = ConvAlgorithmSearch.Exhaustive;

    /// <summary>Largest number of images in one Run; the warm-up covers batch 1 and this size.</summary>
    public int MaxBatchSize { get; init; } = 8;

    public int EffectiveIntraOpThreads => IntraOpThreads > 0 ? IntraOpThreads : Environment.ProcessorCount;
}
