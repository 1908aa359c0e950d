using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NCovNet.Core.Models;
using NCovNet.Training.Evaluation;
using NCovNet.Training.Probe;

namespace NCovNet.Training.Cli;

/// <summary>
/// `probe`: the reference to beat, a class-balanced L2 logistic regression on the frozen pretrained
/// backbone's pooled features, fitted on the train split and measured on val with `evaluate`'s tables;
/// --output writes metrics.json (evaluate's shape) and probe.json (settings, the L2 search).
/// </summary>
public static class ProbeCommand
{
    public static Command Create(string[] args)
    {
        var defaults = new ProbeOptions();
        var data = new Option<string[]>("--data") { Description = "Labelled sets 'name=path'", Required = true, AllowMultipleArgumentsPerToken = true };
        var trainSources = new Option<string[]>("--train-sources") { Description = "Fit only on the train images of these --data names (default: all); val uses every source", AllowMultipleArgumentsPerToken = true };
        var pretrained = new Option<string>("--pretrained") { Description = "cntk (ImageNet ResNet-18), none, a checkpoint folder or a state-dict file", DefaultValueFactory = _ => defaults.Pretrained };
        var architecture = new Option<string>("--arch") { Description = "Architecture with --pretrained none or a state-dict file", DefaultValueFactory = _ => defaults.Architecture };
        var size = new Option<int>("--size") { Description = "Input side in pixels", DefaultValueFactory = _ => defaults.Size };
        RequireAtLeast(size, 32);
        var l2 = new Option<double?>("--l2") { Description = "L2 penalty on the coefficients (default: chosen by patient-grouped cross-validation on train)" };
        l2.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is not > 0)
            {
                r.AddError("--l2 must be above 0.");
            }
        });
        var grid = new Option<double[]>("--l2-grid") { Description = "Penalties tried by the cross-validation", DefaultValueFactory = _ => [.. defaults.L2Grid], AllowMultipleArgumentsPerToken = true };
        grid.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double[]>() is not { Length: > 0 } values || values.Any(v => v <= 0))
            {
                r.AddError("--l2-grid needs at least one value, all above 0.");
            }
        });
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds when --l2 is not given", DefaultValueFactory = _ => defaults.Folds };
        RequireAtLeast(folds, 2);
        var output = new Option<string?>("--output", "-o") { Description = "Folder for metrics.json and probe.json" };
        var seed = new Option<int>("--seed") { Description = "Seed of the cross-validation folds (and of random init with --pretrained none)", DefaultValueFactory = _ => defaults.Seed };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda", DefaultValueFactory = _ => defaults.Device };
        var batch = new Option<int>("--batch") { Description = "Images per forward pass", DefaultValueFactory = _ => defaults.BatchSize };
        var workers = new Option<int>("--workers") { Description = "Threads decoding and preprocessing images", DefaultValueFactory = _ => defaults.Workers };
        var command = new Command("probe", "Linear probe: logistic regression on frozen pretrained features (the baseline a fine-tuned model must beat)");
        foreach (var option in new Option[] { data, trainSources, pretrained, architecture, size, l2, grid, folds, output, seed, device, batch, workers })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            using var cancellation = new ConsoleCancellation();
            var options = defaults with
            {
                Data = result.GetValue(data)!,
                TrainSources = result.GetValue(trainSources) ?? [],
                Pretrained = result.GetValue(pretrained)!,
                Architecture = result.GetValue(architecture)!,
                Size = result.GetValue(size),
                L2 = result.GetValue(l2),
                L2Grid = result.GetValue(grid)!,
                Folds = result.GetValue(folds),
                Seed = result.GetValue(seed),
                Device = result.GetValue(device)!,
                BatchSize = result.GetValue(batch),
                Workers = result.GetValue(workers),
            };
            var outcome = ProbeRunner.Run(options, CommandLineText.Of(args), Console.Out, cancellation.Token);
            foreach (var line in MetricsTable.Format(outcome.Metrics))
            {
                Console.WriteLine(line);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"L2 {outcome.Settings.L2:0.####E+0} ({(outcome.Settings.L2Search is null ? "--l2" : "cross-validation")}), {outcome.Settings.NewtonIterations} Newton steps, {outcome.Settings.WallSeconds:0} s."));
            if (result.GetValue(output) is { } folder)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "metrics.json"), JsonSerializer.Serialize(outcome.Metrics, ModelJson.Options) + "\n");
                File.WriteAllText(Path.Combine(folder, "probe.json"), JsonSerializer.Serialize(outcome.Settings, ModelJson.Options) + "\n");
            }

            return 0;
        });
        return command;
    }

    private static void RequireAtLeast(Option<int> option, int minimum) => option.Validators.Add(r =>
    {
        if (r.GetValueOrDefault<int>() < minimum)
        {
            r.AddError($"{option.Name} must be at least {minimum}.");
        }
    });
}
