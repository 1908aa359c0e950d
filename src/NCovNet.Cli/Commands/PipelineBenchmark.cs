using System.Diagnostics;
using NCovNet.Core.Imaging;
using NCovNet.Core.Inference;
using NCovNet.Core.Preprocessing;
using NCovNet.Core.Scanning;

namespace NCovNet.Cli.Commands;

/// <summary>
/// Times, in one process and on the same images, the bare session.Run on preprocessed tensors
/// and the full scanner pipeline, at batch 1 and at <c>batchSize</c> (at most the scanner's
/// MaxBatchSize). The images must decode; every measured pass is preceded by one untimed pass.
/// </summary>
public sealed class PipelineBenchmark(RadiographScanner scanner, IReadOnlyList<byte[]> images, int batchSize, int rounds, ProgressBar progress)
{
    private OnnxModelSession Session => scanner.Session;

    public BenchReport Run()
    {
        var tensors = Preprocess();
        scanner.ScanBatch(images.Select(i => (ReadOnlyMemory<byte>)i).ToArray());

        var samples = TimeBatch1(tensors);
        var bareMs = Median(samples.Select(s => s.BareMs));
        var pipelineMs = Median(samples.Select(s => s.PipelineMs));
        var bareBatch = Repeat(() => tensors.Chunk(batchSize).Sum(TimeRun));
        var pipelineBatch = Repeat(() => Time(() => scanner.ScanBatch(images.Select(i => (ReadOnlyMemory<byte>)i).ToArray())));

        return new BenchReport
        {
            Machine = MachineInfo.Current(),
            Provider = Session.Provider.Name,
            ProviderReason = Session.Provider.Reason,
            Model = new ModelIdentity(scanner.Model.Name, scanner.Model.Version, scanner.Model.OnnxSha256),
            InputSize = $"{scanner.Model.Preprocessing.Width}x{scanner.Model.Preprocessing.Height}",
            Images = images.Count,
            Rounds = rounds,
            BareRunMs = bareMs,
            PipelineMs = pipelineMs,
            Stages = new StageTimings(
                Median(samples.Select(s => s.Stages.DecodeMs)),
                Median(samples.Select(s => s.Stages.PreprocessMs)),
                Median(samples.Select(s => s.Stages.InferenceMs)),
                Median(samples.Select(s => s.Stages.HeatmapMs)),
                Median(samples.Select(s => s.Stages.RenderMs))),
            PipelineOverBare = Median(samples.Select(s => (s.PipelineMs - s.Stages.DecodeMs - s.Stages.RenderMs) / s.BareMs)),
            PipelineWithRenderOverBare = Median(samples.Select(s => (s.PipelineMs - s.Stages.DecodeMs) / s.BareMs)),
            HeatmapOverInference = Median(samples.Select(s => s.Stages.HeatmapMs / s.Stages.InferenceMs)),
            Batch1 = new Throughput(1, 1000 / bareMs, 1000 / pipelineMs),
            BatchN = new Throughput(batchSize, 1000 * tensors.Count / bareBatch, 1000 * images.Count / pipelineBatch),
        };
    }

    private List<float[]> Preprocess()
    {
        var spec = scanner.Model.Preprocessing;
        var tensors = new List<float[]>(images.Count);
        foreach (var bytes in images)
        {
            var tensor = new float[spec.TensorLength];
            Preprocessor.WriteTensor(RadiographDecoder.Decode(bytes).Image, spec, tensor);
            tensors.Add(tensor);
        }

        return tensors;
    }

    /// <summary>Copies the tensors into a rented batch (not timed) and times one Run.</summary>
    private double TimeRun(float[][] tensors)
    {
        var batch = Session.Rent(tensors.Length);
        try
        {
            for (var i = 0; i < tensors.Length; i++)
            {
                tensors[i].CopyTo(batch.Image(i));
            }

            return Time(() => Session.Run(batch));
        }
        finally
        {
            Session.Return(batch);
        }
    }

    /// <summary>
    /// Bare Run and full Scan of each image, interleaved image by image so that a drifting machine
    /// load weighs on both alike.
    /// </summary>
    private List<Sample> TimeBatch1(List<float[]> tensors)
    {
        var samples = new List<Sample>(rounds * images.Count);
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < images.Count; i++)
            {
                var bare = TimeRun([tensors[i]]);
                ScanOutcome? outcome = null;
                var wall = Time(() => outcome = scanner.Scan(images[i]));
                samples.Add(new Sample(bare, wall, outcome!.Result.Timings!));
            }

            progress.Advance();
        }

        return samples;
    }

    /// <summary>Medians, not means: one stall of a shared machine should not move a per-image figure; ratios are medians of per-image ratios.</summary>
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Mean of <see cref="rounds"/> repetitions of a timed pass, advancing the progress bar.</summary>
    private double Repeat(Func<double> pass)
    {
        var total = 0.0;
        for (var round = 0; round < rounds; round++)
        {
            total += pass();
            progress.Advance();
        }

        return total / rounds;
    }

    /// <summary>One image at batch 1: its bare Run, its full Scan and the Scan's stages.</summary>
    private sealed record Sample(double BareMs, double PipelineMs, StageTimings Stages);

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
