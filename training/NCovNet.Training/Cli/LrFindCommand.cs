using System.CommandLine;
using NCovNet.Training.Debiasing;
using NCovNet.Training.Loading;
using NCovNet.Training.Schedules;
using NCovNet.Training.Training;
using TorchSharp;

namespace NCovNet.Training.Cli;

/// <summary>`lr-find`: the LR range test on stage 1's size and batch; writes lr-find.csv and lr-find.png into the output folder.</summary>
public static class LrFindCommand
{
    public static Command Create()
    {
        var binder = new TrainingOptionsBinder();
        var start = new Option<double>("--start") { Description = "First learning rate", DefaultValueFactory = _ => 1e-6 };
        var end = new Option<double>("--end") { Description = "Last learning rate", DefaultValueFactory = _ => 1 };
        var iterations = new Option<int>("--iterations") { Description = "Steps of the sweep", DefaultValueFactory = _ => 170 };
        var flatTolerance = new Option<double>("--flat-tolerance") { Description = "A smoothed loss that falls by less than this fraction is a flat curve", DefaultValueFactory = _ => LrCurveAnalysis.DefaultFlatTolerance };
        flatTolerance.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (>= 0 and < 1))
            {
                r.AddError("--flat-tolerance must be in [0, 1).");
            }
        });
        var trainable = new Option<int>("--trainable-stages") { Description = "0: head only (stage 1), -1: all layers, k: the last k stages", DefaultValueFactory = _ => 0 };
        var command = new Command("lr-find", "Sweep the learning rate geometrically, stop when the loss diverges, plot the curve and suggest an LR");
        binder.AddTo(command);
        command.Options.Add(start);
        command.Options.Add(end);
        command.Options.Add(iterations);
        command.Options.Add(flatTolerance);
        command.Options.Add(trainable);
        command.SetAction(result =>
        {
            var options = binder.Bind(result);
            using var cancellation = new ConsoleCancellation();
            torch.manual_seed(options.Seed);
            var device = ComputeDevice.Choose(options.Device);
            var data = TrainingData.Load(options);
            var (model, baseSpec) = ModelSource.Create(options);
            model.to(device);
            TrainableLayers.Apply(model, result.GetValue(trainable));
            var spec = baseSpec with { Width = options.Stage1.Size, Height = options.Stage1.Size };
            var cache = new WorkingImageCache((int)Math.Round(spec.Width * options.WorkingScale));
            var samples = new TrainingSamples(data.Dataset, data.Train, DebiasingPipeline.Build(options.Debiasing), cache, spec, options.Seed);
            var range = new LrRange(result.GetValue(start), result.GetValue(end), result.GetValue(iterations));
            var prefix = Path.Combine(Path.GetFullPath(options.Output), "lr-find");
            var finder = new LrFinder(range, flatTolerance: result.GetValue(flatTolerance));
            LrFinderResult found;
            try
            {
                found = LrFindRunner.Run(model, device, options, data, samples, options.Stage1.BatchSize, finder, prefix, cancellation.Token);
            }
            catch (OperationCanceledException) when (cancellation.Token.IsCancellationRequested)
            {
                Console.Error.WriteLine("lr-find cancelled; no curve written.");
                return 130;
            }

            Console.WriteLine(FormattableString.Invariant(
                $"{found.Points.Count} step(s){(found.Diverged ? ", stopped at divergence" : string.Empty)}. Suggested LR {found.Suggested:0.###E+0} ({found.SuggestionRule}), SGDR min {found.SuggestedMinimum:0.###E+0}; valley {found.Valley:0.###E+0}, minimum/10 {found.MinimumOverTen:0.###E+0}, steepest descent {found.SteepestDescent:0.###E+0}, loss climbs above {found.DivergenceStart:0.###E+0}. Curve: {prefix}.csv, {prefix}.png"));
            if (LrFindRunner.FlatCurveWarning(found) is { } warning)
            {
                Console.Error.WriteLine(warning);
            }

            return 0;
        });
        return command;
    }
}
