using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Training;

/// <summary>Scores a set in eval mode without gradients: positive-class probability per image and the mean loss.</summary>
public static class ClassifierScorer
{
    public static ScoredSet Score(CxrClassifier model, Device device, EvaluationSamples samples, BatchLoader loader, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(loader);
        model.eval();
        var order = Enumerable.Range(0, samples.Items.Count).ToArray();
        var items = new List<int>();
        var actual = new List<bool>();
        var probabilities = new List<double>();
        double lossSum = 0;
        using var noGrad = torch.no_grad();
        foreach (var batch in loader.Load(order, samples.Spec.Height, samples.Spec.Width, (item, _, span) => samples.Render(item, span), cancel))
        {
            using var scope = torch.NewDisposeScope();
            var (images, labels) = BatchTensors.ToDevice(batch, device);
            var logits = model.call(images);
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            var positive = nn.functional.softmax(logits, 1).select(1, 0).cpu().data<float>().ToArray();
            items.AddRange(batch.ItemIndices);
            actual.AddRange(batch.Labels.Select(l => l == 0));
            probabilities.AddRange(positive.Select(p => (double)p));
        }

        return new ScoredSet(items, actual, probabilities, items.Count == 0 ? double.NaN : lossSum / items.Count);
    }
}
