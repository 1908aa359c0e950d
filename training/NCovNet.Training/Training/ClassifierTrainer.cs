using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Training;

/// <summary>One optimizer step at a time: cross-entropy (optionally class-weighted), backward, SGD step.</summary>
public sealed class ClassifierTrainer(CxrClassifier model, optim.Optimizer optimizer, Device device, float[]? classWeights)
{
    private readonly Tensor? _weights = classWeights is null ? null : torch.tensor(classWeights).to(device);

    public CxrClassifier Model { get; } = model;

    public optim.Optimizer Optimizer { get; } = optimizer;

    public void SetLearningRate(double lr)
    {
        foreach (var group in Optimizer.ParamGroups)
        {
            group.LearningRate = lr;
        }
    }

    /// <summary>Trains on one batch; returns its mean loss and appends the positive-class probabilities.</summary>
    public double Step(Batch batch, List<double>? positiveProbabilities = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = torch.NewDisposeScope();
        var (images, labels) = BatchTensors.ToDevice(batch, device);
        Optimizer.zero_grad();
        var logits = Model.call(images);
        var loss = nn.functional.cross_entropy(logits, labels, weight: _weights);
        loss.backward();
        Optimizer.step();
        if (positiveProbabilities is not null)
        {
            var probabilities = nn.functional.softmax(logits.detach(), 1).select(1, 0).cpu();
            positiveProbabilities.AddRange(probabilities.data<float>().ToArray().Select(p => (double)p));
        }

        return loss.item<float>();
    }
}
