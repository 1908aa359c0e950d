using TorchSharp;

namespace NCovNet.Training.Training;

/// <summary>CUDA when libtorch sees a GPU (or when asked for), the CPU otherwise.</summary>
public static class ComputeDevice
{
    public static torch.Device Choose(string requested)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requested);
        return requested.ToLowerInvariant() switch
        {
            "cpu" => torch.CPU,
            "cuda" => torch.cuda.is_available() ? torch.CUDA : throw new InvalidOperationException("CUDA was requested but torch.cuda.is_available() is false (see docs/training.md for the GPU setup)."),
            "auto" => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
            _ => throw new ArgumentException($"Device '{requested}' is not auto, cpu or cuda."),
        };
    }
}
