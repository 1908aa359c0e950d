using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Training;

/// <summary>
/// One optimizer step at a time: cross-entropy, backward, SGD step. With per-image weights (indexed
/// like the batches' item indices) the loss is their weighted mean, as PyTorch's class-weighted
/// cross-entropy is when each image's weight is its class's.
/// </summary>
public sealed class ClassifierTrainer(CxrClassifier model, optim.Optimizer optimizer, Device device, double[]? itemWeights)
{
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
        var loss = Loss(logits, labels, batch.ItemIndices);
        loss.backward();
        Optimizer.step();
        if (positiveProbabilities is not null)
        {
            var probabilities = nn.functional.softmax(logits.detach(), 1).select(1, 0).cpu();
            positiveProbabilities.AddRange(probabilities.data<float>().ToArray().Select(p => (double)p));
        }

        return loss.item<float>();
    }

    private Tensor Loss(Tensor logits, Tensor labels, int[] items)
    {
        if (itemWeights is null)
        {
            return nn.functional.cross_entropy(logits, labels);
        }

        var weights = torch.tensor(items.Select(i => (float)itemWeights[i]).ToArray()).to(device);
        return (nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.None) * weights).sum() / weights.sum();
    }
}
