using System.CommandLine;
using System.Text.Json;
using NCovNet.Core.Models;
using NCovNet.Training.Data;
using NCovNet.Training.Evaluation;
using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using NCovNet.Training.Training;
using TorchSharp;

namespace NCovNet.Training.Cli;

/// <summary>
/// `evaluate`: metrics of a checkpoint folder (TorchSharp) or an exported model package (ONNX
/// Runtime) on splits of labelled data, overall and per source of negatives; optionally as JSON.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "Checkpoint folder (state.json) or model package (model.json)", Required = true };
        var data = new Option<string[]>("--data") { Description = "Labelled sets 'name=path' (default: the checkpoint's training data)", AllowMultipleArgumentsPerToken = true };
        var splits = new Option<string[]>("--splits") { Description = "Splits to score", DefaultValueFactory = _ => ["val"], AllowMultipleArgumentsPerToken = true };
        var json = new Option<string?>("--json") { Description = "Also write the metrics to this JSON file" };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 16 };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda (checkpoints only)", DefaultValueFactory = _ => "auto" };
        var command = new Command("evaluate", "Accuracy, sensitivity, specificity, AUC and confusion matrix (COVID positive) per split and per source");
        foreach (var option in new Option[] { model, data, splits, json, batch, device })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            using var cancellation = new ConsoleCancellation();
            var path = result.GetValue(model)!;
            var loader = new BatchLoader(result.GetValue(batch), 2, Environment.ProcessorCount);
            var metrics = File.Exists(Path.Combine(path, ModelPackage.ManifestFileName))
                ? EvaluatePackage(path, result.GetValue(data), result.GetValue(splits)!, loader, cancellation.Token)
                : EvaluateCheckpoint(path, result.GetValue(data), result.GetValue(splits)!, result.GetValue(device)!, loader, cancellation.Token);
            foreach (var line in MetricsTable.Format(metrics))
            {
                Console.WriteLine(line);
            }

            if (result.GetValue(json) is { } jsonPath)
            {
                File.WriteAllText(jsonPath, JsonSerializer.Serialize(metrics, ModelJson.Options) + "\n");
            }

            return 0;
        });
        return command;
    }

    private static IReadOnlyDictionary<string, ClassificationMetrics> EvaluateCheckpoint(string folder, string[]? data, string[] splits, string device, BatchLoader loader, CancellationToken cancel)
    {
        var state = CheckpointStore.ReadState(folder);
        var model = ModelZoo.Create(state.Architecture, state.Classes.Count);
        CheckpointStore.Load(folder, model, optimizer: null);
        var chosen = ComputeDevice.Choose(device);
        model.to(chosen);
        var dataset = LabeledDataset.Load((data is { Length: > 0 } ? data : state.Options.Data).Select(DataSource.Parse), state.Classes);
        return CheckpointEvaluator.Evaluate(CheckpointEvaluator.TorchScorer(model, chosen, loader, cancel), dataset, CheckpointEvaluator.Samples(dataset, state.Preprocessing, splits));
    }

    private static IReadOnlyDictionary<string, ClassificationMetrics> EvaluatePackage(string folder, string[]? data, string[] splits, BatchLoader loader, CancellationToken cancel)
    {
        if (data is not { Length: > 0 })
        {
            throw new DatasetException("Scoring a model package needs --data.");
        }

        var package = ModelPackage.Load(folder);
        using var scorer = new OnnxPackageScorer(package);
        var dataset = LabeledDataset.Load(data.Select(DataSource.Parse), package.Manifest.Classes);
        return CheckpointEvaluator.Evaluate(samples => scorer.Score(samples, loader, cancel), dataset, CheckpointEvaluator.Samples(dataset, package.Manifest.Preprocessing, splits));
    }
}
