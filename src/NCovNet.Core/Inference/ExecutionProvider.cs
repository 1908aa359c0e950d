namespace NCovNet.Core.Inference;

/// <summary>Which ONNX Runtime execution provider to ask for.</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when this build and host have it, otherwise CPU.</summary>
    Auto,

    Cpu,

    /// <summary>CUDA; falls back to CPU (with a warning in the log) when the host or build lacks it.</summary>
    Cuda,
}
