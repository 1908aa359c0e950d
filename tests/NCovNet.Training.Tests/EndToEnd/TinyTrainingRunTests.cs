using System.Globalization;
using NCovNet.Core.Models;
using NCovNet.Training.Cli;
using NCovNet.Training.Reporting;
using NCovNet.Training.Schedules;
using NCovNet.Training.Training;

namespace NCovNet.Training.Tests.EndToEnd;

/// <summary>
/// The whole path on CPU in seconds: train (stage 1 head-only at 64x64) -> checkpoint -> resume
/// into an unfrozen SGDR epoch -> export (fp16 ONNX) -> ONNX Runtime loads the package and scores.
/// </summary>
[Collection(TorchRunsCollection.Name)]
public sealed class TinyTrainingRunTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Train_checkpoint_resume_export_and_score_with_onnx_runtime()
    {
        var labels = TinyRunData.WriteLabels(_folder.Path);
        var run = Path.Combine(_folder.Path, "run");
        var headOnly = Options(labels, run, unfrozenEpochs: 0);

        var first = new TrainingRun(headOnly, "first", TextWriter.Null).Run(resume: false, CancellationToken.None);

        Assert.Equal(1, first.Epoch);
        Assert.True(File.Exists(Path.Combine(run, "last", CheckpointStore.ModelFile)));
        Assert.True(File.Exists(Path.Combine(run, "last", CheckpointStore.OptimizerFile)));
        Assert.True(File.Exists(Path.Combine(run, "best", CheckpointStore.StateFile)));
        Assert.True(File.Exists(Path.Combine(run, "metrics.png")));

        var resumed = new TrainingRun(headOnly with { Stage1 = headOnly.Stage1 with { UnfrozenEpochs = 1 } }, "resumed", TextWriter.Null).Run(resume: true, CancellationToken.None);

        Assert.Equal((2, 1, 1), (resumed.Epoch, resumed.Phase, resumed.EpochInPhase));
        Assert.Equal("resumed", resumed.Command);
        Assert.Equal(1e-3, resumed.PhaseMaxLr);
        var rows = new EpochLog(Path.Combine(run, "metrics.csv")).Read();
        Assert.Equal([("stage1", 1), ("stage1-unfrozen", 2)], rows.Select(r => (r.Stage, r.Epoch)));

        var package = Path.Combine(_folder.Path, "package");
        var exit = await TrainingCli.RunAsync(["export", "--checkpoint", Path.Combine(run, "last"), "--output", package, "--name", "tiny", "--splits", "val", "--licence", "CC BY 4.0, test images"]);

        Assert.Equal(0, exit);
        var loaded = ModelPackage.Load(package);
        Assert.Equal("float16", loaded.Manifest.WeightStorage);
        Assert.Equal(64, loaded.Manifest.Preprocessing.Width);
        Assert.Equal(["covid", "other_pneumonia"], loaded.Manifest.Classes);
        Assert.Equal("resumed", loaded.Manifest.Training.Command);
        Assert.Equal("CC BY 4.0, test images", loaded.Manifest.Training.Licence);
        Assert.Contains("ncovnet-train export --checkpoint", loaded.Manifest.Training.Notes, StringComparison.Ordinal);
        var validation = loaded.Manifest.Metrics["validation"];
        Assert.Equal(4, validation.Count);
        Assert.Equal(4, validation.Confusion.Count);
    }

    [Fact]
    public void Without_a_max_lr_the_unfreeze_takes_the_finders_max_and_min_and_logs_its_rule()
    {
        var labels = TinyRunData.WriteLabels(_folder.Path);
        var run = Path.Combine(_folder.Path, "found");
        var options = Options(labels, run, unfrozenEpochs: 1);
        options = options with { Stage1 = options.Stage1 with { MaxLr = null, LrFindIterations = 12 } };
        var log = new StringWriter();

        var state = new TrainingRun(options, "found", log).Run(resume: false, CancellationToken.None);

        var points = File.ReadAllLines(Path.Combine(run, "lr-find-stage1-unfrozen.csv")).Skip(1)
            .Select(line => line.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .Select(f => new LrFinderPoint((int)f[0], f[1], f[2], f[3]))
            .ToList();
        var expected = new LrCurveAnalysis(warmupSteps: 1).Analyse(points, diverged: points.Count < 12);
        Assert.Equal(expected.Suggested, state.PhaseMaxLr);
        Assert.Equal(expected.SuggestedMinimum, state.PhaseMinLr);
        Assert.Contains($"({expected.SuggestionRule}), min LR", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(expected.IsFlat, log.ToString().Contains("the lr-find curve is flat", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_cpu_runs_with_the_same_seed_log_the_same_numbers()
    {
        var labels = TinyRunData.WriteLabels(_folder.Path);
        string Metrics(string name)
        {
            var run = Path.Combine(_folder.Path, name);
            new TrainingRun(Options(labels, run, unfrozenEpochs: 0), name, TextWriter.Null).Run(resume: false, CancellationToken.None);
            var row = File.ReadAllLines(Path.Combine(run, "metrics.csv"))[1];
            return row[..row.LastIndexOf(',')];
        }

        Assert.Equal(Metrics("a"), Metrics("b"));
    }

    private static TrainingOptions Options(string labels, string output, int unfrozenEpochs)
    {
        var options = TinyRunData.Options(labels, output);
        return options with { Stage1 = options.Stage1 with { UnfrozenEpochs = unfrozenEpochs } };
    }
}
