using NCovNet.Training.Data;

namespace NCovNet.Training.Tests.Data;

public sealed class SampleWeightsTests
{
    // The shared train split in miniature: covid only from cxr; other from cxr (50) and cxr-nih (238).
    private static readonly List<LabeledImage> Train =
    [
        .. Enumerable.Range(0, 278).Select(i => Image("covid", "cxr", i)),
        .. Enumerable.Range(0, 50).Select(i => Image("other_pneumonia", "cxr", i)),
        .. Enumerable.Range(0, 238).Select(i => Image("other_pneumonia", "cxr-nih", i)),
    ];

    [Fact]
    public void Class_and_source_balance_gives_each_class_half_and_each_negative_source_a_quarter()
    {
        var weights = SampleWeights.Compute(Train, BalanceMode.ClassAndSource);

        Assert.Equal(1.0, weights.Sum(), 9);
        Assert.Equal(0.5, Mass(weights, i => i.Label == "covid"), 9);
        Assert.Equal(0.25, Mass(weights, i => i.Label == "other_pneumonia" && i.Source == "cxr"), 9);
        Assert.Equal(0.25, Mass(weights, i => i.Source == "cxr-nih"), 9);
    }

    [Fact]
    public void Class_balance_ignores_the_source()
    {
        var weights = SampleWeights.Compute(Train, BalanceMode.Class);

        Assert.Equal(0.5, Mass(weights, i => i.Label == "covid"), 9);
        Assert.Equal(0.5 * 238 / 288, Mass(weights, i => i.Source == "cxr-nih"), 9);
    }

    [Fact]
    public void Loss_weights_are_inverse_class_frequencies()
    {
        var weights = SampleWeights.ClassLossWeights(Train, ["covid", "other_pneumonia"]);

        Assert.Equal(566f / (2 * 278), weights[0], 5);
        Assert.Equal(566f / (2 * 288), weights[1], 5);
    }

    [Fact]
    public void Weighted_draws_follow_the_weights_and_repeat_with_the_seed()
    {
        var weights = SampleWeights.Compute(Train, BalanceMode.ClassAndSource);

        var draws = WeightedSampler.Draw(weights, 20000, new Random(7));

        Assert.Equal(draws, WeightedSampler.Draw(weights, 20000, new Random(7)));
        Assert.InRange(draws.Count(d => Train[d].Label == "covid") / 20000.0, 0.48, 0.52);
        Assert.InRange(draws.Count(d => Train[d].Source == "cxr-nih") / 20000.0, 0.23, 0.27);
    }

    private static double Mass(double[] weights, Func<LabeledImage, bool> select) =>
        Train.Select((image, i) => select(image) ? weights[i] : 0).Sum();

    private static LabeledImage Image(string label, string source, int i) => new($"/{source}/{label}/{i}.png", label, "train", $"{source}-{label}-{i}", source);
}
