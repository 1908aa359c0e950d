using NCovNet.Training.Schedules;

namespace NCovNet.Training.Tests.Schedules;

public sealed class LrFinderTests
{
    [Fact]
    public void The_sweep_is_geometric_from_start_to_end()
    {
        var range = new LrRange();

        Assert.Equal(1e-6, range.At(0), 15);
        Assert.Equal(1, range.At(169), 12);
        Assert.Equal(Math.Sqrt(1e-6 * 1), range.At(0) * Math.Pow(1e6, 84.5 / 169), 12);
        Assert.Equal(range.At(1) / range.At(0), range.At(100) / range.At(99), 9);
    }

    [Fact]
    public void Stops_when_the_smoothed_loss_exceeds_four_times_its_best()
    {
        // Loss falls until lr 1e-2, then explodes: the classic LR-finder curve.
        static double Loss(double lr) => lr < 1e-2 ? 1.0 - (0.1 * Math.Log10(lr / 1e-6)) : 0.4 * Math.Pow(lr / 1e-2, 3);
        var calls = 0;

        var result = new LrFinder(new LrRange()).Run(lr =>
        {
            calls++;
            return Loss(lr);
        });

        Assert.True(result.Diverged);
        Assert.True(calls < 170, $"ran {calls} steps");
        Assert.Equal(calls, result.Points.Count);
        var last = result.Points[^1];
        Assert.True(last.SmoothedLoss > 4 * result.Points.SkipLast(1).Min(p => p.SmoothedLoss));
        Assert.False(result.IsFlat);
        Assert.InRange(result.Suggested, 1e-4, 1e-2);
        Assert.True(result.SteepestDescent < 1e-1);
    }

    [Fact]
    public void A_loss_that_never_diverges_runs_every_iteration()
    {
        var result = new LrFinder(new LrRange(1e-5, 1e-1, 50)).Run(lr => 1.0 / (1 + lr));

        Assert.False(result.Diverged);
        Assert.Equal(50, result.Points.Count);
        Assert.Equal(1e-2, result.MinimumOverTen, 9);
        Assert.Equal(1e-1, result.DivergenceStart, 9);
    }

    [Fact]
    public void A_non_finite_loss_counts_as_divergence()
    {
        var result = new LrFinder(new LrRange(1e-6, 1, 100)).Run(lr => lr > 1e-3 ? double.NaN : 1);

        Assert.True(result.Diverged);
        Assert.True(result.Points.Count < 100);
        Assert.True(result.IsFlat);
        Assert.InRange(result.DivergenceStart, 9e-4, 1e-3);
    }
}
