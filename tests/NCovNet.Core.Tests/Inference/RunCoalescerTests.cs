using NCovNet.Core.Imaging;
using NCovNet.Core.Inference;
using NCovNet.Core.Models;
using NCovNet.Core.Preprocessing;
using NCovNet.Tests;

namespace NCovNet.Core.Tests.Inference;

/// <summary>
/// Concurrent single-image inferences share Runs and each caller gets its own image's outputs.
/// On the bundled default model (a Run takes tens of milliseconds, so callers released together
/// really do arrive while one is busy) and real radiographs.
/// </summary>
public sealed class RunCoalescerTests : IDisposable
{
    private const int Callers = 12;

    private readonly OnnxModelSession _session = OnnxModelSession.Create(
        ModelPackage.Load(Path.Combine(SharedData.RepoRoot, "models", "default")),
        new InferenceOptions { Provider = ExecutionProvider.Cpu, MaxBatchSize = 8 });

    private readonly float[][] _tensors;

    public RunCoalescerTests()
    {
        _tensors = Directory.EnumerateFiles(Path.Combine(SharedData.Cxr, "images")).Order(StringComparer.Ordinal).Take(Callers)
            .Select(file =>
            {
                var tensor = new float[_session.Geometry.ImageLength];
                Preprocessor.WriteTensor(RadiographDecoder.Decode(File.ReadAllBytes(file)).Image, _session.Manifest.Preprocessing, tensor);
                return tensor;
            })
            .ToArray();
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Callers_arriving_together_share_runs_and_each_gets_its_own_outputs()
    {
        var alone = _tensors.Select(tensor => new RunCoalescer(_session, 1).Run(tensor)).ToArray();
        var coalescer = new RunCoalescer(_session, 8);
        var runsBefore = _session.RunCount;

        var outputs = new ImageOutputs[Callers];
        using var start = new Barrier(Callers);
        var threads = Enumerable.Range(0, Callers).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            outputs[i] = coalescer.Run(_tensors[i]);
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        var runs = _session.RunCount - runsBefore;
        Assert.InRange(runs, 2, Callers / 2);
        for (var i = 0; i < Callers; i++)
        {
            AssertClose(alone[i].Logits, outputs[i].Logits);
            AssertClose(alone[i].Cam(0), outputs[i].Cam(0));
            AssertClose(alone[i].Cam(1), outputs[i].Cam(1));
        }
    }

    [Fact]
    public void A_lone_caller_runs_at_once_by_itself()
    {
        var coalescer = new RunCoalescer(_session, 8);
        var runsBefore = _session.RunCount;

        var outputs = coalescer.Run(_tensors[0]);

        Assert.Equal(1, _session.RunCount - runsBefore);
        Assert.True(outputs.InferenceMs > 0);
        Assert.Equal(_session.Geometry.Classes, outputs.Logits.Length);
    }

    [Fact]
    public void No_run_holds_more_than_the_largest_batch()
    {
        var coalescer = new RunCoalescer(_session, 2);
        var runsBefore = _session.RunCount;

        Parallel.For(0, Callers, new ParallelOptions { MaxDegreeOfParallelism = Callers }, i => coalescer.Run(_tensors[i]));

        Assert.True(_session.RunCount - runsBefore >= Callers / 2);
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-4f);
        }
    }
}
