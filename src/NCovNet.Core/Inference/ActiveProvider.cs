namespace NCovNet.Core.Inference;

/// <summary>The execution provider a session actually runs on, and why (e.g. why CUDA was not used).</summary>
public sealed record ActiveProvider(ExecutionProvider Provider, string Reason)
{
    public string Name => Provider == ExecutionProvider.Cuda ? "CUDA" : "CPU";
}
