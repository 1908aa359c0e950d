using System.Globalization;
using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using NCovNet.Training.Reporting;
using NCovNet.Training.Schedules;
using static TorchSharp.torch;

namespace NCovNet.Training.Training;

/// <summary>
/// Runs the LR range test on the model as it is (its current trainable layers), with a fresh
/// optimizer, then puts the weights back; writes the curve to &lt;prefix&gt;.csv and &lt;prefix&gt;.png.
/// Cancelling stops the sweep after the current batch: the weights are put back, nothing is
/// written and <see cref="OperationCanceledException"/> is thrown.
/// </summary>
public static class LrFindRunner
{
    /// <summary>Epoch numbers the finder draws its batches from, far from the training epochs so the draws differ.</summary>
    private const int FinderEpochBase = 1_000_000;

    public static LrFinderResult Run(
        CxrClassifier model, Device device, TrainingOptions options, TrainingData data, TrainingSamples samples,
        int batchSize, LrFinder finder, string outputPrefix, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(finder);
        var range = finder.Range;
        using var snapshot = new ModelSnapshot(model);
        using var optimizer = OptimizerFactory.Create(model, options, range.Start);
        var trainer = new ClassifierTrainer(model, optimizer, device, data.ItemLossWeights);
        var loader = new BatchLoader(batchSize, options.Prefetch, options.Workers);
        using var batches = Batches(loader, data, samples, cancel).GetEnumerator();
        var bar = ProgressBar.ForConsole("lr-find", range.Iterations);
        LrFinderResult result;
        try
        {
            result = finder.Run(
                lr =>
                {
                    if (!batches.MoveNext())
                    {
                        cancel.ThrowIfCancellationRequested();
                        throw new InvalidOperationException("The training split yields no batch to sweep the learning rate on.");
                    }

                    trainer.SetLearningRate(lr);
                    return trainer.Step(batches.Current);
                },
                p => bar.Report(p.Iteration + 1, p.SmoothedLoss));
        }
        finally
        {
            snapshot.RestoreInto(model);
        }

        Write(result, outputPrefix);
        return result;
    }

    public static void Write(LrFinderResult result, string outputPrefix)
    {
        ArgumentNullException.ThrowIfNull(result);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPrefix))!;
        Directory.CreateDirectory(directory);
        var lines = new List<string> { "iteration,lr,loss,smoothed_loss" };
        lines.AddRange(result.Points.Select(p => string.Join(',', p.Iteration.ToString(CultureInfo.InvariantCulture),
            p.LearningRate.ToString("R", CultureInfo.InvariantCulture), p.Loss.ToString("R", CultureInfo.InvariantCulture),
            p.SmoothedLoss.ToString("R", CultureInfo.InvariantCulture))));
        File.WriteAllLines(outputPrefix + ".csv", lines);
        var title = FormattableString.Invariant($"lr finder suggests {result.Suggested:0.##E+0} ({result.SuggestionRule})");
        var plot = new LinePlot(title, "learning rate log10", [
            new PlotSeries("loss", LinePlot.Blue, result.Points.Select(p => (p.LearningRate, p.Loss)).ToList()),
            new PlotSeries("smoothed", LinePlot.Orange, result.Points.Select(p => (p.LearningRate, p.SmoothedLoss)).ToList()),
        ], logX: true);
        LinePlot.Save(outputPrefix + ".png", 900, 450, plot);
    }

    /// <summary>What to tell the user about a flat curve; null when the curve has a clear descent.</summary>
    public static string? FlatCurveWarning(LrFinderResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsFlat
            ? FormattableString.Invariant($"warning: the lr-find curve is flat (the smoothed loss fell {result.RelativeDrop:P1} before climbing), so no learning rate is clearly better and its minimum is noise; suggesting {result.Suggested:0.###E+0}, a decade below where the loss starts to climb ({result.DivergenceStart:0.###E+0}). Check the labels, the trainable layers and the sweep's range, or give the learning rate explicitly.")
            : null;
    }

    /// <summary>Batches of epoch after epoch; ends when cancelled (the loader then stops yielding) or when an epoch yields none.</summary>
    private static IEnumerable<Batch> Batches(BatchLoader loader, TrainingData data, TrainingSamples samples, CancellationToken cancel)
    {
        for (var epoch = FinderEpochBase; !cancel.IsCancellationRequested; epoch++)
        {
            var current = epoch;
            var yielded = false;
            foreach (var batch in loader.Load(data.EpochOrder(current), samples.Spec.Height, samples.Spec.Width, (item, position, span) => samples.Render(item, current, position, span), cancel))
            {
                yielded = true;
                yield return batch;
            }

            if (!yielded)
            {
                yield break;
            }
        }
    }
}
