using NCovNet.Training.Schedules;

namespace NCovNet.Training.Tests.Schedules;

public sealed class SgdrScheduleTests
{
    private readonly SgdrSchedule _sgdr = new(maxLr: 0.1, minLr: 0.001, firstPeriod: 10, periodMultiplier: 2);

    [Fact]
    public void Every_restart_returns_to_the_maximum()
    {
        // Periods 10, 20, 40: restarts at steps 0, 10, 30, 70.
        Assert.All(new long[] { 0, 10, 30, 70 }, step => Assert.Equal(0.1, _sgdr.LearningRateAt(step), 12));
    }

    [Fact]
    public void The_period_grows_by_the_multiplier()
    {
        Assert.Equal((0L, 10L), _sgdr.PositionInCycle(0));
        Assert.Equal((0L, 20L), _sgdr.PositionInCycle(10));
        Assert.Equal((19L, 20L), _sgdr.PositionInCycle(29));
        Assert.Equal((5L, 40L), _sgdr.PositionInCycle(35));
        Assert.Equal(70, _sgdr.StepsInCycles(3));
    }

    [Fact]
    public void The_rate_follows_half_a_cosine_within_a_period()
    {
        Assert.Equal((0.1 + 0.001) / 2, _sgdr.LearningRateAt(5), 12);
        Assert.Equal((0.1 + 0.001) / 2, _sgdr.LearningRateAt(20), 12);
        Assert.Equal(0.001 + (0.5 * 0.099 * (1 + Math.Cos(Math.PI * 19 / 20))), _sgdr.LearningRateAt(29), 12);
        Assert.True(_sgdr.LearningRateAt(29) < 0.002);
        Assert.True(_sgdr.LearningRateAt(9) > _sgdr.LearningRateAt(29), "the longer period ends closer to the minimum");
    }

    [Fact]
    public void A_multiplier_of_one_restarts_at_a_fixed_period()
    {
        var fixedPeriod = new SgdrSchedule(1, 0, 4, 1);

        Assert.Equal(fixedPeriod.LearningRateAt(1), fixedPeriod.LearningRateAt(9), 12);
        Assert.Equal(1, fixedPeriod.LearningRateAt(12), 12);
    }

    [Fact]
    public void Bad_ranges_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdrSchedule(0.001, 0.1, 10, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdrSchedule(0.1, 0.001, 0, 2));
    }
}
