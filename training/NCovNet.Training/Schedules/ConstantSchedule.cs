namespace NCovNet.Training.Schedules;

/// <summary>The same learning rate at every step (the paper's frozen epochs).</summary>
public sealed record ConstantSchedule(double Lr) : ILearningRateSchedule
{
    public double LearningRateAt(long step) => Lr;
}
