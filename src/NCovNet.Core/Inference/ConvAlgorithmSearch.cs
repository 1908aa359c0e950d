namespace NCovNet.Core.Inference;

/// <summary>
/// How cuDNN picks a convolution algorithm per input shape (ONNX Runtime's cudnn_conv_algo_search).
/// The search runs on the first Run of each shape, which is why the session warms up at load.
/// </summary>
public enum ConvAlgorithmSearch
{
    /// <summary>Benchmarks every algorithm once per shape: slowest first run, fastest steady state.</summary>
    Exhaustive,

    /// <summary>cuDNN's heuristics without benchmarking: fast first run, sometimes a slower algorithm.</summary>
    Heuristic,

    /// <summary>The default algorithm (IMPLICIT_PRECOMP_GEMM) with no search at all.</summary>
    Default,
}
