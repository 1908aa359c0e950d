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

        var bareMs = Repeat(() => tensors.Sum(t => TimeRun([t]))) / tensors.Count;
        var (pipelineMs, stages) = TimePipelineBatch1();
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
            Stages = stages,
            PipelineOverBare = (pipelineMs - stages.DecodeMs - stages.RenderMs) / bareMs,
            PipelineWithRenderOverBare = (pipelineMs - stages.DecodeMs) / bareMs,
            HeatmapOverInference = stages.HeatmapMs / stages.InferenceMs,
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

    private (double WallMs, StageTimings Stages) TimePipelineBatch1()
    {
        var walls = new List<double>();
        var timings = new List<StageTimings>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var image in images)
            {
                ScanOutcome? outcome = null;
                walls.Add(Time(() => outcome = scanner.Scan(image)));
                timings.Add(outcome!.Result.Timings!);
            }

            progress.Advance();
        }

        var mean = new StageTimings(
            timings.Average(t => t.DecodeMs),
            timings.Average(t => t.PreprocessMs),
            timings.Average(t => t.InferenceMs),
            timings.Average(t => t.HeatmapMs),
            timings.Average(t => t.RenderMs));
        return (walls.Average(), mean);
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

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
