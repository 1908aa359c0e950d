using NCovNet.Training.Schedules;

namespace NCovNet.Training.Tests.Schedules;

/// <summary>
/// The suggestion on synthetic sweeps (1e-6 to 1 over 170 steps, as lr-find runs by default) with
/// 5 % multiplicative Gaussian batch noise from fixed seeds.
/// </summary>
public sealed class LrCurveAnalysisTests
{
    private const double Noise = 0.05;

    [Fact]
    public void A_u_shaped_curve_suggests_a_rate_in_its_descent_about_a_decade_below_the_minimum()
    {
        // Flat 0.7 up to 1e-5, falls 0.12 per decade to 0.34 at 1e-2, then climbs steeply.
        static double Loss(double lr)
        {
            var x = Math.Log10(lr);
            return x < -5 ? 0.7 : x < -2 ? 0.7 - (0.12 * (x + 5)) : 0.34 + (0.5 * (Math.Pow(10, x + 2) - 1));
        }

        foreach (var seed in Enumerable.Range(0, 5))
        {
            var result = Sweep(Loss, seed);

            Assert.False(result.IsFlat);
            Assert.True(result.RelativeDrop > 0.25, $"seed {seed}: drop {result.RelativeDrop}");
            Assert.Equal(result.Valley, result.Suggested);
            Assert.InRange(Math.Log10(result.Suggested), -3.5, -2.5);

            // The loss starts to fall at 1e-5: SGDR's minimum, two decades below the valley.
            Assert.InRange(Math.Log10(result.DescentStart), -5.5, -4.5);
            Assert.Equal(result.DescentStart, result.SuggestedMinimum);
        }
    }

    [Fact]
    public void A_flat_noisy_curve_is_flagged_and_gets_a_decade_below_divergence_whatever_the_noise()
    {
        // 0.69 (chance for two classes) until 1e-2, then the loss grows as lr^1.5.
        static double Loss(double lr) => lr < 1e-2 ? 0.69 : 0.69 * Math.Pow(lr / 1e-2, 1.5);

        var results = Enumerable.Range(0, 10).Select(seed => Sweep(Loss, seed)).ToList();

        Assert.All(results, r => Assert.True(r.IsFlat, $"drop {r.RelativeDrop}"));
        Assert.All(results, r => Assert.Equal(r.DivergenceStart / 10, r.Suggested));
        Assert.All(results, r => Assert.Equal(r.Suggested / 100, r.SuggestedMinimum));
        Assert.All(results, r => Assert.InRange(Math.Log10(r.DivergenceStart), -2.2, -1.7));
        var suggested = results.Select(r => Math.Log10(r.Suggested)).ToList();
        var minimumOverTen = results.Select(r => Math.Log10(r.MinimumOverTen)).ToList();
        Assert.True(suggested.Max() - suggested.Min() < 0.2, $"suggestions spread over {suggested.Max() - suggested.Min()} decades");
        Assert.True(minimumOverTen.Max() - minimumOverTen.Min() > 1, "the minimum of a flat curve should be noise, or this test shows nothing");
    }

    [Fact]
    public void A_curve_that_diverges_early_suggests_a_rate_inside_its_short_descent()
    {
        // Falls from 0.7 at 3e-6 to 0.4 at 3e-5, then explodes.
        static double Loss(double lr)
        {
            var x = Math.Log10(lr);
            return x < -5.5 ? 0.7 : x < -4.5 ? 0.7 - (0.3 * (x + 5.5)) : 0.4 * Math.Pow(10, 2 * (x + 4.5));
        }

        var result = Sweep(Loss, seed: 3);

        Assert.True(result.Diverged);
        Assert.True(result.Points.Count < 85, $"ran {result.Points.Count} steps");
        Assert.False(result.IsFlat);
        Assert.InRange(Math.Log10(result.Suggested), -5.3, -4.5);
        Assert.True(result.Suggested < result.DivergenceStart);
        Assert.InRange(result.SuggestedMinimum, 1e-6, result.Suggested / 10);
    }

    [Fact]
    public void A_spike_of_noise_in_the_first_steps_changes_neither_the_suggestion_nor_the_flat_verdict()
    {
        static double U(double lr)
        {
            var x = Math.Log10(lr);
            return x < -5 ? 0.7 : x < -2 ? 0.7 - (0.12 * (x + 5)) : 0.34 + (0.5 * (Math.Pow(10, x + 2) - 1));
        }

        static double Flat(double lr) => lr < 1e-2 ? 0.69 : 0.69 * Math.Pow(lr / 1e-2, 1.5);

        // The first two batches at 8x the loss: their weight in the running average alone would
        // still read as a 30 % descent a tenth of the way into the sweep.
        static Func<double, double> Spiked(Func<double, double> loss) => lr => lr < 1.1e-6 ? 8 * loss(lr) : loss(lr);

        var u = Sweep(U, seed: 1);
        var spikedU = Sweep(Spiked(U), seed: 1);
        var spikedFlat = Sweep(Spiked(Flat), seed: 1);

        Assert.True(spikedU.Points[17].SmoothedLoss > 1.3 * u.Points[17].SmoothedLoss, "the spike must show in the running average");
        Assert.Equal(Math.Log10(u.Suggested), Math.Log10(spikedU.Suggested), 0.1);
        Assert.True(spikedFlat.IsFlat, $"drop {spikedFlat.RelativeDrop}");
        Assert.InRange(Math.Log10(spikedFlat.Suggested), -3.2, -2.7);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void A_flat_tolerance_outside_zero_to_one_is_refused_before_the_sweep(double tolerance)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LrFinder(new LrRange(), flatTolerance: tolerance));
    }

    private static LrFinderResult Sweep(Func<double, double> loss, int seed)
    {
        var random = new Random(seed);
        return new LrFinder(new LrRange()).Run(lr => loss(lr) * (1 + (Noise * Gaussian(random))));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
