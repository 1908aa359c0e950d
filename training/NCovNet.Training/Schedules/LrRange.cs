namespace NCovNet.Training.Schedules;

/// <summary>The learning-rate finder's sweep: geometric from <see cref="Start"/> to <see cref="End"/> over <see cref="Iterations"/> steps.</summary>
public sealed record LrRange(double Start = 1e-6, double End = 1, int Iterations = 170)
{
    public double At(int iteration)
    {
        if (Iterations <= 1)
        {
            return Start;
        }

        return Start * Math.Pow(End / Start, (double)iteration / (Iterations - 1));
    }
}
