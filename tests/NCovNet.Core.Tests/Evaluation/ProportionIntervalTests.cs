using NCovNet.Core.Evaluation;

namespace NCovNet.Core.Tests.Evaluation;

public sealed class ProportionIntervalTests
{
    private const double ZSquared = 1.959963984540054 * 1.959963984540054;

    [Fact]
    public void No_successes_reach_up_to_z_squared_over_n_plus_z_squared_and_all_successes_mirror_it()
    {
        var none = ProportionInterval.Wilson95(0, 10)!;
        var all = ProportionInterval.Wilson95(10, 10)!;

        Assert.Equal(0, none.Lower, 12);
        Assert.Equal(ZSquared / (10 + ZSquared), none.Upper, 12);
        Assert.Equal(10 / (10 + ZSquared), all.Lower, 12);
        Assert.Equal(1, all.Upper, 12);
    }

    [Fact]
    public void Half_of_a_dozen_is_centred_on_one_half_and_spans_about_half_the_range()
    {
        var interval = ProportionInterval.Wilson95(6, 12)!;

        Assert.Equal(0.5, (interval.Lower + interval.Upper) / 2, 12);
        Assert.Equal(0.254, interval.Lower, 3);
        Assert.Equal(0.746, interval.Upper, 3);
        Assert.Equal("0.254-0.746", interval.ToString());
    }

    [Fact]
    public void More_trials_narrow_the_interval_around_the_same_proportion()
    {
        var small = ProportionInterval.Wilson95(8, 10)!;
        var large = ProportionInterval.Wilson95(800, 1000)!;

        Assert.True(large.Upper - large.Lower < (small.Upper - small.Lower) / 5);
        Assert.InRange(0.8, large.Lower, large.Upper);
    }

    [Fact]
    public void No_trials_give_no_interval_and_impossible_counts_are_refused()
    {
        Assert.Null(ProportionInterval.Wilson95(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson95(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson95(-1, 2));
    }

    [Fact]
    public void Metrics_carry_the_intervals_of_their_sensitivity_and_specificity()
    {
        var metrics = BinaryMetrics.Compute([true, true, true, false, false], [0.9, 0.8, 0.2, 0.1, 0.7]);

        Assert.Equal(ProportionInterval.Wilson95(2, 3), metrics.SensitivityInterval);
        Assert.Equal(ProportionInterval.Wilson95(1, 2), metrics.SpecificityInterval);
    }
}
