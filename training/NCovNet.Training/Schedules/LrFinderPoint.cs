namespace NCovNet.Training.Schedules;

/// <summary>One step of the learning-rate sweep: the rate used, the batch loss and its smoothed value.</summary>
public sealed record LrFinderPoint(int Iteration, double LearningRate, double Loss, double SmoothedLoss);
