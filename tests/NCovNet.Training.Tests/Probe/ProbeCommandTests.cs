using System.Text.Json;
using NCovNet.Core.Models;
using NCovNet.Tests;
using NCovNet.Training.Cli;
using NCovNet.Training.Data;
using NCovNet.Training.Probe;
using NCovNet.Training.Tests.EndToEnd;

namespace NCovNet.Training.Tests.Probe;

/// <summary>
/// `probe` end to end on the CNTK backbone at 64x64 with the smallest real radiographs: 14 train
/// (cxr: 6 covid, 4 other; cxr-nih: 4 other) and 7 val (cxr: 3 covid, 2 other; cxr-nih: 2 other).
/// </summary>
[Collection(TorchRunsCollection.Name)]
public sealed class ProbeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _cxr;
    private readonly string _nih;

    public ProbeCommandTests()
    {
        var cxr = LabelsCsvReader.Read(SharedData.CxrLabels, "cxr");
        var nih = LabelsCsvReader.Read(SharedData.CxrNihLabels, "cxr-nih");
        _cxr = WriteLabels("cxr.csv",
        [
            .. TinyRunData.Smallest(cxr, "covid", "train", 6), .. TinyRunData.Smallest(cxr, "other_pneumonia", "train", 4),
            .. TinyRunData.Smallest(cxr, "covid", "val", 3), .. TinyRunData.Smallest(cxr, "other_pneumonia", "val", 2),
        ]);
        _nih = WriteLabels("nih.csv", [.. TinyRunData.Smallest(nih, "other_pneumonia", "train", 4), .. TinyRunData.Smallest(nih, "other_pneumonia", "val", 2)]);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Cross_validates_the_penalty_and_writes_evaluates_metrics_and_the_settings()
    {
        var output = Path.Combine(_folder.Path, "probe");

        var exit = await TrainingCli.RunAsync(["probe", "--data", $"cxr={_cxr}", $"cxr-nih={_nih}", "--size", "64", "--folds", "3", "--device", "cpu", "--output", output]);

        Assert.Equal(0, exit);
        var metrics = JsonSerializer.Deserialize<Dictionary<string, ClassificationMetrics>>(File.ReadAllText(Path.Combine(output, "metrics.json")), ModelJson.Options)!;
        Assert.Equal(["validation", "validation/covid-vs-cxr", "validation/covid-vs-cxr-nih"], metrics.Keys);
        Assert.Equal([7, 5, 5], metrics.Values.Select(m => m.Count));
        Assert.All(metrics.Values, m =>
        {
            Assert.Equal(m.Count, m.Confusion.Tp + m.Confusion.Fp + m.Confusion.Tn + m.Confusion.Fn);
            Assert.InRange(m.RocAuc!.Value, 0, 1);
            Assert.InRange(m.BalancedAccuracy, 0, 1);
            Assert.NotNull(m.SensitivityInterval);
            Assert.NotNull(m.SpecificityInterval);
        });
        var settings = JsonSerializer.Deserialize<ProbeSettings>(File.ReadAllText(Path.Combine(output, "probe.json")), ModelJson.Options)!;
        Assert.Equal("resnet18-cntk", settings.Architecture);
        Assert.Equal((64, "jet", "BGR"), (settings.Preprocessing.Width, settings.Preprocessing.ColorMap, settings.Preprocessing.ChannelOrder));
        Assert.Equal(512, settings.FeatureCount);
        Assert.Equal(new Dictionary<string, int> { ["cxr-nih/other_pneumonia"] = 4, ["cxr/covid"] = 6, ["cxr/other_pneumonia"] = 4 }, settings.TrainImages);
        Assert.Equal(L2Search.DefaultGrid, settings.L2Search!.Scores.Select(s => s.L2));
        Assert.Equal(settings.L2Search.Chosen, settings.L2);
        Assert.Equal(settings.L2Search.Scores.Min(s => s.WeightedLogLoss), settings.L2Search.Scores.Single(s => s.L2 == settings.L2).WeightedLogLoss);
        Assert.Contains("ncovnet-train probe --data", settings.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_sources_limit_the_fit_but_not_the_validation()
    {
        var options = new ProbeOptions { Data = [$"cxr={_cxr}", $"cxr-nih={_nih}"], TrainSources = ["cxr"], Size = 64, L2 = 1, Device = "cpu", Workers = 2 };

        var outcome = ProbeRunner.Run(options, "test", TextWriter.Null, CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["cxr/covid"] = 6, ["cxr/other_pneumonia"] = 4 }, outcome.Settings.TrainImages);
        Assert.Null(outcome.Settings.L2Search);
        Assert.Equal(7, outcome.Metrics["validation"].Count);
        Assert.Equal(5, outcome.Metrics["validation/covid-vs-cxr-nih"].Count);
    }

    [Fact]
    public void An_unknown_train_source_is_a_dataset_error_and_a_failed_exit()
    {
        var options = new ProbeOptions { Data = [$"cxr={_cxr}"], TrainSources = ["nih"], Size = 64, L2 = 1, Device = "cpu" };

        var error = Assert.Throws<DatasetException>(() => ProbeRunner.Run(options, "test", TextWriter.Null, CancellationToken.None));

        Assert.Contains("--train-sources nih: not among the --data names (cxr)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_and_a_parse_error_exit_with_1_like_the_other_verbs()
    {
        Assert.Equal(1, await TrainingCli.RunAsync(["probe", "--data", $"cxr={_cxr}", "--train-sources", "nih", "--size", "64", "--l2", "1"]));
        Assert.Equal(1, await TrainingCli.RunAsync(["probe", "--size", "64"]));
    }

    [Theory]
    [InlineData("--l2", "0", "--l2 must be above 0.")]
    [InlineData("--l2", "-1", "--l2 must be above 0.")]
    [InlineData("--folds", "1", "--folds must be at least 2.")]
    [InlineData("--size", "16", "--size must be at least 32.")]
    [InlineData("--l2-grid", "0.1 -1", "--l2-grid needs at least one value, all above 0.")]
    public void Out_of_range_values_are_parse_errors(string option, string value, string message)
    {
        var parse = ProbeCommand.Create([]).Parse(["--data", "x=y", option, .. value.Split(' ')]);

        Assert.Contains(parse.Errors, e => e.Message == message);
    }

    private string WriteLabels(string name, IEnumerable<LabeledImage> images) =>
        _folder.Write(name, string.Join('\n', images.Select(i => string.Join(',', i.Path, i.Label, i.Split, i.PatientGroup)).Prepend("filename,label,split,patient_group")) + "\n");
}
