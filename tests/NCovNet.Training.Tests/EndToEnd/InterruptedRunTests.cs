using NCovNet.Training.Training;

namespace NCovNet.Training.Tests.EndToEnd;

/// <summary>
/// Ctrl-C then --resume: the interrupted epoch is dropped and repeated with the same weights,
/// optimizer state and data draws, so the run ends exactly where an uninterrupted one does.
/// </summary>
[Collection(TorchRunsCollection.Name)]
public sealed class InterruptedRunTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_run_cancelled_after_its_first_epoch_and_resumed_logs_the_same_numbers_as_one_never_interrupted()
    {
        var labels = TinyRunData.WriteLabels(_folder.Path);
        var options = TinyRunData.Options(labels, Path.Combine(_folder.Path, "straight"), size: 32);
        options = options with { Stage1 = options.Stage1 with { FrozenEpochs = 3 } };

        var straight = new TrainingRun(options, "train", TextWriter.Null).Run(resume: false, CancellationToken.None);

        var interruptedOptions = options with { Output = Path.Combine(_folder.Path, "interrupted") };
        using var cancel = new CancellationTokenSource();
        var stopped = new TrainingRun(interruptedOptions, "train", new CancelOnFirstEpochLine(cancel, delay: TimeSpan.FromMilliseconds(300))).Run(resume: false, cancel.Token);
        var resumed = new TrainingRun(interruptedOptions, "train --resume", TextWriter.Null).Run(resume: true, CancellationToken.None);

        Assert.Equal(3, straight.Epoch);
        Assert.InRange(stopped.Epoch, 1, 2);
        Assert.Equal(3, resumed.Epoch);
        Assert.Equal(MetricsWithoutTimes(options.Output), MetricsWithoutTimes(interruptedOptions.Output));
        Assert.Equal((straight.BestEpoch, straight.BestScore, straight.BestLoss), (resumed.BestEpoch, resumed.BestScore, resumed.BestLoss));
    }

    [Fact]
    public void A_save_interrupted_between_its_two_moves_is_completed_when_the_checkpoint_is_next_looked_at()
    {
        var store = new CheckpointStore(_folder.Path);
        WriteCheckpoint(store.LastDirectory + ".old", "epoch 1");
        WriteCheckpoint(store.LastDirectory + ".tmp", "epoch 2");

        Assert.True(store.HasLast);
        Assert.Equal("epoch 2", File.ReadAllText(Path.Combine(store.LastDirectory, CheckpointStore.StateFile)));
        Assert.False(Directory.Exists(store.LastDirectory + ".old"));
        Assert.False(Directory.Exists(store.LastDirectory + ".tmp"));
    }

    [Fact]
    public void Without_the_new_checkpoint_the_previous_one_is_put_back()
    {
        var store = new CheckpointStore(_folder.Path);
        WriteCheckpoint(store.LastDirectory + ".old", "epoch 1");

        Assert.True(store.HasLast);
        Assert.Equal("epoch 1", File.ReadAllText(Path.Combine(store.LastDirectory, CheckpointStore.StateFile)));
        Assert.False(Directory.Exists(store.LastDirectory + ".old"));
    }

    private static void WriteCheckpoint(string directory, string state)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, CheckpointStore.StateFile), state);
    }

    // The last column is the epoch's wall time.
    private static IEnumerable<string> MetricsWithoutTimes(string run) =>
        File.ReadAllLines(Path.Combine(run, "metrics.csv")).Select(row => row[..row.LastIndexOf(',')]);

    /// <summary>A log that presses Ctrl-C a little after the first epoch's summary: mostly during the second epoch.</summary>
    private sealed class CancelOnFirstEpochLine(CancellationTokenSource cancel, TimeSpan delay) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(" epoch 1:", StringComparison.Ordinal) == true)
            {
                cancel.CancelAfter(delay);
            }
        }
    }
}
