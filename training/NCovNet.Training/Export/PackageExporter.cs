using NCovNet.Core.Models;
using NCovNet.Training.Data;
using NCovNet.Training.Evaluation;
using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using NCovNet.Training.Training;
using static TorchSharp.torch;

namespace NCovNet.Training.Export;

/// <summary>
/// Writes a checkpoint as a model package (model.onnx + model.json) and re-scores the package
/// through ONNX Runtime: model.json carries the package's own metrics per split (what is
/// served, fp16 weights included) and its notes the difference from the fp32 TorchSharp model.
/// </summary>
public static class PackageExporter
{
    public static ModelManifest Export(ExportRequest request, TextWriter log, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var state = CheckpointStore.ReadState(request.Checkpoint);
        var model = ModelZoo.Create(state.Architecture, state.Classes.Count);
        CheckpointStore.Load(request.Checkpoint, model, optimizer: null);
        var dataset = LabeledDataset.Load((request.Data.Count > 0 ? request.Data : state.Options.Data).Select(DataSource.Parse), state.Classes);
        var loader = new BatchLoader(16, 2, Environment.ProcessorCount);
        var samples = CheckpointEvaluator.Samples(dataset, state.Preprocessing, request.Splits);
        var torchMetrics = CheckpointEvaluator.Evaluate(CheckpointEvaluator.TorchScorer(model, CPU, loader, cancel), dataset, samples);
        var manifest = new ModelManifest
        {
            Name = request.Name,
            Version = request.Version,
            Architecture = model.Architecture,
            Preprocessing = state.Preprocessing,
            Classes = state.Classes,
            PositiveClass = state.Classes[0],
            DecisionThreshold = request.Threshold,
            Io = new ModelOutputs(),
            Training = new TrainingRecord
            {
                Data = string.Join("; ", dataset.Images.GroupBy(i => i.Source).Select(g => $"{g.Key}: " + string.Join(", ", g.GroupBy(i => i.Split).Select(s => $"{s.Key} {s.Count()}")))),
                Licence = request.Licence,
                Command = state.Command,
                StartedFrom = state.Options.Pretrained == ModelSource.Cntk ? "ImageNet ResNet-18 (CNTK, NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1)" : state.Options.Pretrained,
                TrainedAt = File.GetLastWriteTimeUtc(Path.Combine(request.Checkpoint, CheckpointStore.ModelFile)),
            },
            OnnxSha256 = string.Empty,
        };
        ModelPackageWriter.Write(model, manifest, request.Output, request.Weights);
        var package = ModelPackage.Load(request.Output);
        using var scorer = new OnnxPackageScorer(package);
        var packageMetrics = CheckpointEvaluator.Evaluate(split => scorer.Score(split, loader, cancel), dataset, samples);
        var notes = $"Weights of run epoch {state.Epoch} (best val balanced accuracy so far: epoch {state.BestEpoch}). Exported with: {request.Command}. " +
            string.Join(" ", packageMetrics.Select(kv => FormattableString.Invariant(
                $"{kv.Key}: accuracy {kv.Value.Accuracy:0.0000} ({package.Manifest.WeightStorage} ONNX) vs {torchMetrics[kv.Key].Accuracy:0.0000} (fp32 TorchSharp).")));
        var written = ModelPackage.WriteManifest(request.Output, package.Manifest with { Metrics = packageMetrics, Training = package.Manifest.Training with { Notes = notes } });
        log.WriteLine("fp32 TorchSharp checkpoint:");
        foreach (var line in MetricsTable.Format(torchMetrics))
        {
            log.WriteLine(line);
        }

        log.WriteLine($"{written.WeightStorage} ONNX package {request.Output}:");
        foreach (var line in MetricsTable.Format(packageMetrics))
        {
            log.WriteLine(line);
        }

        return written;
    }
}
