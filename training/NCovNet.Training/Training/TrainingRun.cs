using System.Diagnostics;
using NCovNet.Core.Preprocessing;
using NCovNet.Training.Debiasing;
using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using NCovNet.Training.Reporting;
using NCovNet.Training.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Training;

/// <summary>
/// Runs the phases of a <see cref="TrainingPlan"/> epoch by epoch: debiased training batches,
/// validation exactly as served, metrics.csv + metrics.png, best/ and last/ checkpoints. With
/// resume it continues from last/ at the next epoch (same weights, optimizer state, SGDR
/// position and data draws), so an interrupted run ends where an uninterrupted one would.
/// </summary>
public sealed class TrainingRun(TrainingOptions options, string command, TextWriter log)
{
    public string RunDirectory { get; } = Path.GetFullPath(options.Output);

    public CheckpointState Run(bool resume, CancellationToken cancel)
    {
        Directory.CreateDirectory(RunDirectory);
        torch.manual_seed(options.Seed);
        var device = ComputeDevice.Choose(options.Device);
        var data = TrainingData.Load(options);
        foreach (var line in data.Dataset.Summary())
        {
            log.WriteLine(line);
        }

        var phases = TrainingPlan.From(options);
        var (model, baseSpec) = ModelSource.Create(options);
        model.to(device);
        using var optimizer = OptimizerFactory.Create(model, options, phases[0].Lr);
        var store = new CheckpointStore(RunDirectory);
        var epochLog = new EpochLog(Path.Combine(RunDirectory, "metrics.csv"));
        var state = NewState(model, baseSpec, phases[0]);
        if (resume && store.HasLast)
        {
            // The resumed run's options and command are the ones that finish it; the plan up to here must match.
            state = CheckpointStore.Load(store.LastDirectory, model, optimizer) with { Options = options, Command = command };
            epochLog.TruncateFrom(state.Epoch + 1);
            log.WriteLine($"Resuming {RunDirectory} at phase {state.Phase + 1}/{phases.Count}, epoch {state.EpochInPhase + 1} (run epoch {state.Epoch + 1}).");
        }
        else
        {
            File.WriteAllText(Path.Combine(RunDirectory, "options.json"), options.ToJson() + "\n");
        }

        log.WriteLine($"Device {device.type}; {phases.Count} phase(s); run folder {RunDirectory}");
        for (var p = Math.Max(0, state.Phase); p < phases.Count && !cancel.IsCancellationRequested; p++)
        {
            state = RunPhase(p, phases[p], model, optimizer, baseSpec, device, data, store, epochLog, state, cancel);
        }

        return state;
    }

    private CheckpointState RunPhase(
        int index, TrainingPhase phase, CxrClassifier model, SGD optimizer, PreprocessingSpec baseSpec, Device device,
        TrainingData data, CheckpointStore store, EpochLog epochLog, CheckpointState state, CancellationToken cancel)
    {
        var spec = baseSpec with { Width = phase.Size, Height = phase.Size };
        var cache = new WorkingImageCache((int)Math.Round(phase.Size * options.WorkingScale));
        var trainSamples = new TrainingSamples(data.Dataset, data.Train, DebiasingPipeline.Build(options.Debiasing), cache, spec, options.Seed);
        var valSamples = new EvaluationSamples(data.Dataset, data.Val, spec);
        var loader = new BatchLoader(phase.BatchSize, options.Prefetch, options.Workers);
        TrainableLayers.Apply(model, phase.TrainableStages);
        var starting = state.Phase != index;
        if (starting)
        {
            state = state with { Phase = index, EpochInPhase = 0, PhaseStep = 0, PhaseMaxLr = null, PhaseMinLr = null, Preprocessing = spec };
        }

        var schedule = Schedule(phase, model, device, data, trainSamples, ref state, cancel);
        var trainer = new ClassifierTrainer(model, optimizer, device, data.ItemLossWeights);
        var stepsPerEpoch = (data.EpochSize + phase.BatchSize - 1) / phase.BatchSize;
        log.WriteLine($"Phase {phase.Name}: {phase.Size}x{phase.Size}, batch {phase.BatchSize}, {phase.Epochs} epoch(s), trainable stages {Describe(phase.TrainableStages)}, {stepsPerEpoch} steps/epoch.");
        for (var e = state.EpochInPhase; e < phase.Epochs && !cancel.IsCancellationRequested; e++)
        {
            var clock = Stopwatch.StartNew();
            var epoch = state.Epoch + 1;
            TrainableLayers.SetTrainingMode(model, phase.TrainableStages);
            var order = data.EpochOrder(epoch);
            var probabilities = new List<double>();
            var actual = new List<bool>();
            double lossSum = 0;
            var step = state.PhaseStep;
            var bar = ProgressBar.ForConsole($"{phase.Name} {epoch}", stepsPerEpoch);
            var done = 0;
            foreach (var batch in loader.Load(order, spec.Height, spec.Width, (item, position, span) => trainSamples.Render(item, epoch, position, span), cancel))
            {
                trainer.SetLearningRate(schedule.LearningRateAt(step));
                lossSum += trainer.Step(batch, probabilities) * batch.Count;
                actual.AddRange(batch.Labels.Select(l => l == 0));
                step++;
                bar.Report(++done, lossSum / actual.Count);
            }

            if (cancel.IsCancellationRequested)
            {
                break;
            }

            var val = ClassifierScorer.Score(model, device, valSamples, loader, cancel);
            if (cancel.IsCancellationRequested)
            {
                // Validation was cut short: its partial metrics must neither be logged nor become "best".
                // Nothing of this epoch is saved, so --resume repeats it (same seed, same draws).
                break;
            }

            var train = new ScoredSet([.. Enumerable.Range(0, actual.Count)], actual, probabilities, lossSum / actual.Count);
            var record = new EpochRecord(phase.Name, epoch, schedule.LearningRateAt(Math.Max(state.PhaseStep, step - 1)), train.Loss, train.Metrics(), val.Loss, val.Metrics(), clock.Elapsed.TotalSeconds);
            epochLog.Append(record);
            TrainingCurves.Save(epochLog, Path.Combine(RunDirectory, "metrics.png"));
            log.WriteLine(EpochSummary.Format(record));
            state = state with { EpochInPhase = e + 1, Epoch = epoch, PhaseStep = step, Preprocessing = spec };
            var score = record.Val.BalancedAccuracy;
            if (score > state.BestScore || (score == state.BestScore && record.ValLoss < state.BestLoss))
            {
                state = state with { BestScore = score, BestLoss = record.ValLoss, BestEpoch = epoch };
                store.SaveBest(model, optimizer, state);
                log.WriteLine(FormattableString.Invariant($"  best so far (val balanced accuracy {score:P1}) -> {store.BestDirectory}"));
            }

            store.SaveLast(model, optimizer, state);
        }

        return state;
    }

    private ILearningRateSchedule Schedule(TrainingPhase phase, CxrClassifier model, Device device, TrainingData data, TrainingSamples samples, ref CheckpointState state, CancellationToken cancel)
    {
        if (!phase.Sgdr)
        {
            return new ConstantSchedule(phase.Lr);
        }

        var maxLr = state.PhaseMaxLr ?? (phase.FindLr ? 0 : phase.Lr);
        double? foundMinLr = null;
        if (maxLr == 0)
        {
            var finder = new LrFinder(new LrRange(Iterations: phase.LrFindIterations));
            var found = LrFindRunner.Run(model, device, options, data, samples, phase.BatchSize, finder, Path.Combine(RunDirectory, $"lr-find-{phase.Name}"), cancel);
            (maxLr, foundMinLr) = (found.Suggested, found.SuggestedMinimum);
            log.WriteLine(FormattableString.Invariant($"lr-find for {phase.Name}: suggested max LR {maxLr:0.###E+0} ({found.SuggestionRule}), min LR {foundMinLr:0.###E+0} (where the loss starts to fall); steepest {found.SteepestDescent:0.###E+0}, diverged {found.Diverged}."));
            if (LrFindRunner.FlatCurveWarning(found) is { } warning)
            {
                log.WriteLine(warning);
            }
        }

        var minLr = state.PhaseMinLr ?? phase.MinLr ?? foundMinLr ?? (maxLr / 100);
        state = state with { PhaseMaxLr = maxLr, PhaseMinLr = minLr };
        var stepsPerEpoch = (data.EpochSize + phase.BatchSize - 1) / phase.BatchSize;
        return new SgdrSchedule(maxLr, minLr, phase.SgdrFirstPeriod * stepsPerEpoch, phase.SgdrPeriodMultiplier);
    }

    private CheckpointState NewState(CxrClassifier model, PreprocessingSpec baseSpec, TrainingPhase first) => new()
    {
        Architecture = model.Architecture,
        Classes = options.Classes,
        Preprocessing = baseSpec with { Width = first.Size, Height = first.Size },
        Options = options,
        Command = command,
        Seed = options.Seed,
        Phase = -1,
    };

    private static string Describe(int trainableStages) => trainableStages switch
    {
        0 => "head only",
        < 0 => "all",
        _ => $"head + last {trainableStages}",
    };
}
