using System.Diagnostics;
using System.Globalization;
using NCovNet.Core.Preprocessing;
using NCovNet.Training.Data;
using NCovNet.Training.Evaluation;
using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using NCovNet.Training.Training;
using TorchSharp;

namespace NCovNet.Training.Probe;

/// <summary>
/// The linear-probe baseline: frozen pretrained backbone, each image preprocessed as served
/// (<see cref="EvaluationSamples"/>), pooled features, a <see cref="LinearProbe"/> fitted on the
/// train split (optionally of some sources only) and measured on the val split by <see cref="SplitMetrics"/>.
/// </summary>
public static class ProbeRunner
{
    public const string Optimizer = "Newton's method with backtracking line search, full batch, float64";

    public static ProbeOutcome Run(ProbeOptions options, string command, TextWriter log, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        if (options.Data.Count == 0)
        {
            throw new DatasetException("No data: pass --data name=path (several allowed).");
        }

        var dataset = LabeledDataset.Load(options.Data.Select(DataSource.Parse), options.Classes);
        var train = TrainItems(dataset, options.TrainSources);
        var val = dataset.Split("val");
        if (val.Count == 0)
        {
            throw new DatasetException("The data has no 'val' images to measure the probe on.");
        }

        foreach (var line in dataset.Summary())
        {
            log.WriteLine(line);
        }

        torch.manual_seed(options.Seed);
        var (model, spec) = Backbone(options);
        var device = ComputeDevice.Choose(options.Device);
        model.to(device);
        var loader = new BatchLoader(options.BatchSize, 2, options.Workers);
        FeatureSet Features(string split, IReadOnlyList<LabeledImage> items)
        {
            var started = clock.Elapsed;
            var rows = FeatureExtractor.Extract(model.Backbone, device, new EvaluationSamples(dataset, items, spec), loader, cancel);
            log.WriteLine(FormattableString.Invariant($"{split}: {items.Count} images -> {rows[0].Length} pooled features ({(clock.Elapsed - started).TotalSeconds:0} s)"));
            return new FeatureSet(dataset, items, rows);
        }

        var trainSet = Features("train", train);
        var valSet = Features("val", val);
        var search = options.L2 is null ? L2Search.Run(trainSet, options.L2Grid, options.Folds, options.Seed) : null;
        if (search is not null)
        {
            Print(search, log);
        }

        var l2 = options.L2 ?? search!.Chosen;
        var probe = LinearProbe.Fit(trainSet, l2);
        var metrics = SplitMetrics.Compute("val", dataset, val, probe.Score(valSet));
        var settings = new ProbeSettings
        {
            Command = command,
            Options = options,
            Architecture = model.Architecture,
            Preprocessing = spec,
            FeatureCount = trainSet.Rows[0].Length,
            TrainImages = train.GroupBy(i => $"{i.Source}/{i.Label}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            ValImages = val.Count,
            L2 = l2,
            L2Search = search,
            Optimizer = Optimizer,
            NewtonIterations = probe.Regression.Iterations,
            WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        return new ProbeOutcome(settings, metrics);
    }

    private static IReadOnlyList<LabeledImage> TrainItems(LabeledDataset dataset, IReadOnlyList<string> sources)
    {
        var known = dataset.Images.Select(i => i.Source).Distinct().ToList();
        var unknown = sources.Where(s => !known.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new DatasetException($"--train-sources {string.Join(", ", unknown)}: not among the --data names ({string.Join(", ", known)}).");
        }

        var train = dataset.Split("train").Where(i => sources.Count == 0 || sources.Contains(i.Source)).ToList();
        var missing = dataset.Classes.Where(c => train.All(i => i.Label != c)).ToList();
        if (missing.Count > 0)
        {
            throw new DatasetException($"The probe's train images ({train.Count}) have no '{string.Join("', '", missing)}' image; it needs both classes.");
        }

        return train;
    }

    private static (CxrClassifier Model, PreprocessingSpec Spec) Backbone(ProbeOptions options)
    {
        var source = new TrainingOptions
        {
            Pretrained = options.Pretrained,
            Architecture = options.Architecture,
            Classes = options.Classes,
            Stage1 = StageOptions.PaperStage1 with { Size = options.Size },
        };
        var (model, spec) = ModelSource.Create(source);
        return (model, spec with { Width = options.Size, Height = options.Size });
    }

    private static void Print(L2SearchResult search, TextWriter log)
    {
        log.WriteLine($"L2 by {search.Folds}-fold patient-grouped cross-validation on the train images (pooled out-of-fold predictions):");
        log.WriteLine($"{"l2",8} {"logloss",8} {"bal",6} {"auc",6}");
        foreach (var score in search.Scores)
        {
            var chosen = score.L2 == search.Chosen ? "  <- chosen" : string.Empty;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score.L2,8:0.####E+0} {score.WeightedLogLoss,8:0.0000} {score.BalancedAccuracy,6:0.000} {score.RocAuc,6:0.000}{chosen}"));
        }

        if (search.ChosenAtEdge)
        {
            log.WriteLine("The chosen L2 is at the edge of the grid; widen it with --l2-grid.");
        }
    }
}
