namespace NCovNet.Training.Schedules;

/// <summary>The learning rate for an optimizer step counted from the start of a phase.</summary>
public interface ILearningRateSchedule
{
    double LearningRateAt(long step);
}
