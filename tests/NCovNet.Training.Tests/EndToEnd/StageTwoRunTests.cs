using System.Globalization;
using NCovNet.Training.Reporting;
using NCovNet.Training.Schedules;
using NCovNet.Training.Training;

namespace NCovNet.Training.Tests.EndToEnd;

/// <summary>
/// The paper's stage 2 in miniature: after stage 1 the resolution doubles, the backbone stays
/// frozen for an epoch, then every layer is unfrozen, lr-find runs again and its max and min LR
/// bound the SGDR cycles.
/// </summary>
[Collection(TorchRunsCollection.Name)]
public sealed class StageTwoRunTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Stage_two_doubles_the_size_trains_frozen_then_unfrozen_between_the_lr_finders_max_and_min()
    {
        var labels = TinyRunData.WriteLabels(_folder.Path);
        var run = Path.Combine(_folder.Path, "stage2");
        var options = TinyRunData.Options(labels, run, size: 32) with
        {
            Stage2 = new StageOptions
            {
                Size = 64, BatchSize = 4, FrozenEpochs = 1, Lr = 1e-2, UnfrozenEpochs = 2, UnfreezeStages = -1, MaxLr = null,
                LrFindIterations = 12, SgdrFirstPeriod = 1, SgdrPeriodMultiplier = 2,
            },
        };

        var state = new TrainingRun(options, "stage2", TextWriter.Null).Run(resume: false, CancellationToken.None);

        var rows = new EpochLog(Path.Combine(run, "metrics.csv")).Read();
        Assert.Equal(["stage1", "stage2-frozen", "stage2-unfrozen", "stage2-unfrozen"], rows.Select(r => r.Stage));
        Assert.Equal(64, state.Preprocessing.Width);
        var found = new LrCurveAnalysis(warmupSteps: 1).Analyse(ReadCurve(Path.Combine(run, "lr-find-stage2-unfrozen.csv")), diverged: false);
        Assert.Equal(found.Suggested, state.PhaseMaxLr);
        Assert.Equal(found.SuggestedMinimum, state.PhaseMinLr);
        Assert.True(state.PhaseMinLr <= state.PhaseMaxLr / 10, $"min {state.PhaseMinLr} max {state.PhaseMaxLr}");

        // Periods of 1 then 2 epochs: the first unfrozen epoch ends its cycle near the minimum, the
        // second ends half way down the restarted, twice as long cycle.
        Assert.All(rows.Skip(2), r => Assert.InRange(r.Values["lr"], state.PhaseMinLr!.Value, state.PhaseMaxLr!.Value));
        Assert.True(rows[2].Values["lr"] < rows[3].Values["lr"], $"{rows[2].Values["lr"]} then {rows[3].Values["lr"]}");
    }

    private static List<LrFinderPoint> ReadCurve(string path) =>
        File.ReadAllLines(path).Skip(1)
            .Select(line => line.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .Select(f => new LrFinderPoint((int)f[0], f[1], f[2], f[3]))
            .ToList();
}
