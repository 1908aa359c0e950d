namespace NCovNet.Training.Models.Weights;

/// <summary>What a weights file contributed: tensors copied, whether the head was among them, keys not used.</summary>
public sealed record LoadedWeights(int TensorCount, bool HeadLoaded, IReadOnlyList<string> IgnoredKeys);
