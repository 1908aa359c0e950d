using NCovNet.Core.Models;

namespace NCovNet.Training.Reporting;

/// <summary>The outcome of one epoch: losses and binary metrics (COVID positive) on train and val.</summary>
public sealed record EpochRecord(
    string Stage,
    int Epoch,
    double LearningRate,
    double TrainLoss,
    ClassificationMetrics Train,
    double ValLoss,
    ClassificationMetrics Val,
    double Seconds);
