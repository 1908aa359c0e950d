using NCovNet.Tests;
using NCovNet.Training.Data;
using NCovNet.Training.Reporting;
using NCovNet.Training.Training;

namespace NCovNet.Training.Tests.EndToEnd;

/// <summary>
/// Balancing by loss weighs each train image like the sampler would draw it: with class and
/// source balance, the two cxr "other" images count as much as the two NIH ones, and all the
/// "other" images as much as the four covid ones.
/// </summary>
[Collection(TorchRunsCollection.Name)]
public sealed class BalanceByLossTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Class_and_source_balance_gives_each_source_within_a_class_the_same_total_loss_weight()
    {
        var options = LossBalanced(BalanceMode.ClassAndSource);

        var data = TrainingData.Load(options);

        var weights = data.ItemLossWeights!;
        double Total(string label, string? source = null) =>
            data.Train.Select((image, i) => (image, i)).Where(x => x.image.Label == label && (source is null || x.image.Source == source)).Sum(x => weights[x.i]);
        Assert.Equal(data.Train.Count, weights.Sum(), 1e-9);
        Assert.Equal(Total("covid"), Total("other_pneumonia"), 1e-9);
        Assert.Equal(Total("other_pneumonia", "cxr"), Total("other_pneumonia", "cxr-nih"), 1e-9);
    }

    [Fact]
    public void Balancing_by_sampling_leaves_the_loss_unweighted()
    {
        var options = LossBalanced(BalanceMode.ClassAndSource) with { BalanceBySampling = true };

        Assert.Null(TrainingData.Load(options).ItemLossWeights);
    }

    [Fact]
    public void An_epoch_larger_than_the_train_split_visits_every_image_two_or_three_times()
    {
        var data = TrainingData.Load(LossBalanced(BalanceMode.ClassAndSource) with { EpochSize = 20 });

        var order = data.EpochOrder(1);

        Assert.Equal(8, data.Train.Count);
        Assert.Equal(20, order.Length);
        Assert.All(order.CountBy(i => i), visits => Assert.InRange(visits.Value, 2, 3));
        Assert.Equal(8, order.Distinct().Count());
    }

    [Fact]
    public void An_epoch_trained_with_per_image_loss_weights_logs_a_finite_loss()
    {
        var options = LossBalanced(BalanceMode.ClassAndSource);

        new TrainingRun(options, "loss-balanced", TextWriter.Null).Run(resume: false, CancellationToken.None);

        var row = Assert.Single(new EpochLog(Path.Combine(options.Output, "metrics.csv")).Read());
        Assert.True(double.IsFinite(row.Values["train_loss"]) && row.Values["train_loss"] > 0, $"train loss {row.Values["train_loss"]}");
    }

    private TrainingOptions LossBalanced(BalanceMode balance) =>
        TinyRunData.Options(string.Empty, Path.Combine(_folder.Path, "run"), size: 32) with
        {
            Data = [$"cxr={WriteLabels("cxr", SharedData.CxrLabels, ("covid", "train", 4), ("other_pneumonia", "train", 2), ("covid", "val", 2), ("other_pneumonia", "val", 1))}",
                $"cxr-nih={WriteLabels("cxr-nih", SharedData.CxrNihLabels, ("other_pneumonia", "train", 2), ("other_pneumonia", "val", 1))}"],
            Balance = balance,
            BalanceBySampling = false,
        };

    private string WriteLabels(string source, string labels, params (string Label, string Split, int Count)[] picks)
    {
        var images = LabelsCsvReader.Read(labels, source);
        var lines = picks.SelectMany(p => TinyRunData.Smallest(images, p.Label, p.Split, p.Count))
            .Select(i => string.Join(',', i.Path, i.Label, i.Split, i.PatientGroup));
        var path = Path.Combine(_folder.Path, source + ".csv");
        File.WriteAllLines(path, ["filename,label,split,patient_group", .. lines]);
        return path;
    }
}
