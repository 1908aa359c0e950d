namespace NCovNet.Training.Probe;

/// <summary>One candidate penalty's pooled out-of-fold class-weighted log loss, balanced accuracy and ROC AUC.</summary>
public sealed record L2Score(double L2, double WeightedLogLoss, double BalancedAccuracy, double? RocAuc);
