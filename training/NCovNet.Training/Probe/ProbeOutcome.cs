using NCovNet.Core.Models;

namespace NCovNet.Training.Probe;

/// <summary>A probe run's settings and its validation metrics, keyed as `evaluate` keys them.</summary>
public sealed record ProbeOutcome(ProbeSettings Settings, IReadOnlyDictionary<string, ClassificationMetrics> Metrics);
