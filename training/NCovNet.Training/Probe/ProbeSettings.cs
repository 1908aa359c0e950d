using NCovNet.Core.Preprocessing;

namespace NCovNet.Training.Probe;

/// <summary>What a probe run used and chose (written as probe.json beside metrics.json).</summary>
public sealed record ProbeSettings
{
    public required string Command { get; init; }

    public required ProbeOptions Options { get; init; }

    /// <summary>The backbone's architecture, e.g. "resnet18-cntk".</summary>
    public required string Architecture { get; init; }

    public required PreprocessingSpec Preprocessing { get; init; }

    public required int FeatureCount { get; init; }

    /// <summary>Images per "source/label" that fitted the probe.</summary>
    public required IReadOnlyDictionary<string, int> TrainImages { get; init; }

    public required int ValImages { get; init; }

    public required double L2 { get; init; }

    /// <summary>The cross-validation that chose <see cref="L2"/>; null when --l2 gave it.</summary>
    public L2SearchResult? L2Search { get; init; }

    public required string Optimizer { get; init; }

    public required int NewtonIterations { get; init; }

    public required double WallSeconds { get; init; }
}
