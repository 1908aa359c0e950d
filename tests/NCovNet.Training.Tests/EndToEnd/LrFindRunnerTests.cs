using NCovNet.Training.Debiasing;
using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using NCovNet.Training.Schedules;
using NCovNet.Training.Training;
using TorchSharp;

namespace NCovNet.Training.Tests.EndToEnd;

[Collection(TorchRunsCollection.Name)]
public sealed class LrFindRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_finder_writes_its_curve_and_puts_the_weights_back()
    {
        var (options, data, model, samples) = TinySetup();
        var before = model.Head.weight!.detach().clone();
        var prefix = Path.Combine(_folder.Path, "lr-find");

        var result = LrFindRunner.Run(model, torch.CPU, options, data, samples, 4, new LrFinder(new LrRange(1e-4, 10, 12)), prefix, CancellationToken.None);

        Assert.InRange(result.Points.Count, 2, 12);
        Assert.Equal(1e-4, result.Points[0].LearningRate, 12);
        Assert.Equal(result.Points.Count + 1, File.ReadAllLines(prefix + ".csv").Length);
        Assert.True(new FileInfo(prefix + ".png").Length > 1000);
        Assert.True(before.allclose(model.Head.weight!.detach(), rtol: 0, atol: 0), "the finder must leave the weights as it found them");
    }

    [Fact]
    public async Task A_cancelled_sweep_stops_with_the_weights_put_back_and_writes_nothing()
    {
        var (options, data, model, samples) = TinySetup();
        var before = model.Head.weight!.detach().clone();
        var prefix = Path.Combine(_folder.Path, "lr-find");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        // Run on the pool so that a finder that never stops fails this test instead of hanging the test run.
        var sweep = Task.Run(() => LrFindRunner.Run(model, torch.CPU, options, data, samples, 4, new LrFinder(new LrRange(1e-4, 10, 12)), prefix, cancellation.Token));
        var finished = await Task.WhenAny(sweep, Task.Delay(TimeSpan.FromMinutes(2)));

        Assert.Same(sweep, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sweep);
        Assert.False(File.Exists(prefix + ".csv"));
        Assert.True(before.allclose(model.Head.weight!.detach(), rtol: 0, atol: 0));
    }

    private (TrainingOptions Options, TrainingData Data, CxrClassifier Model, TrainingSamples Samples) TinySetup()
    {
        var options = new TrainingOptions
        {
            Data = [$"tiny={TinyRunData.WriteLabels(_folder.Path)}"],
            Pretrained = ModelSource.RandomInit,
            Device = "cpu",
            Seed = 5,
        };
        torch.manual_seed(options.Seed);
        var data = TrainingData.Load(options);
        var (model, baseSpec) = ModelSource.Create(options);
        TrainableLayers.Apply(model, 0);
        var spec = baseSpec with { Width = 32, Height = 32 };
        var samples = new TrainingSamples(data.Dataset, data.Train, DebiasingPipeline.Build(options.Debiasing), new WorkingImageCache(40), spec, options.Seed);
        return (options, data, model, samples);
    }
}
