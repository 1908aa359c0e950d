using NCovNet.Core.Models;
using NCovNet.Core.Preprocessing;
using NCovNet.Core.Scanning;

namespace NCovNet.Core.Tests.Scanning;

public sealed class PredictionTests
{
    private static ModelManifest Manifest(double threshold, params string[] classes) => new()
    {
        Name = "m",
        Version = "1",
        Architecture = "resnet18",
        Preprocessing = PreprocessingSpec.ImageNet(224),
        Classes = classes,
        PositiveClass = "covid",
        DecisionThreshold = threshold,
        Io = new ModelOutputs(),
        Training = new TrainingRecord { Data = "-", Licence = "-", Command = "-" },
        OnnxSha256 = "",
    };

    [Theory]
    [InlineData(0.30, 0.3, "covid")]
    [InlineData(0.29, 0.3, "other_pneumonia")]
    [InlineData(0.60, 0.7, "other_pneumonia")]
    public void The_positive_class_wins_at_or_above_the_threshold(double covid, double threshold, string expected)
    {
        var prediction = Prediction.Decide(Manifest(threshold, "other_pneumonia", "covid"), [1 - covid, covid]);

        Assert.Equal(expected, prediction.Label);
        Assert.Equal(covid, prediction.PositiveProbability);
        Assert.Equal(covid, prediction.Probabilities["covid"]);
    }

    [Fact]
    public void Below_the_threshold_the_most_probable_other_class_wins()
    {
        var prediction = Prediction.Decide(Manifest(0.5, "covid", "normal", "other_pneumonia"), [0.45, 0.15, 0.40]);

        Assert.Equal("other_pneumonia", prediction.Label);
        Assert.Equal(2, prediction.LabelIndex);
    }
}
