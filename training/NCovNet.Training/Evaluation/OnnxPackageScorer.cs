using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NCovNet.Core.Models;
using NCovNet.Training.Loading;
using NCovNet.Training.Training;

namespace NCovNet.Training.Evaluation;

/// <summary>Scores a set with an exported model package through ONNX Runtime (CPU), as the product would.</summary>
public sealed class OnnxPackageScorer(ModelPackage package) : IDisposable
{
    private readonly InferenceSession _session = new(package.OnnxBytes.ToArray());

    public ModelPackage Package { get; } = package;

    public ScoredSet Score(EvaluationSamples samples, BatchLoader loader, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(loader);
        var positive = Package.Manifest.Classes.ToList().IndexOf(Package.Manifest.PositiveClass);
        var items = new List<int>();
        var actual = new List<bool>();
        var probabilities = new List<double>();
        double lossSum = 0;
        var order = Enumerable.Range(0, samples.Items.Count).ToArray();
        foreach (var batch in loader.Load(order, samples.Spec.Height, samples.Spec.Width, (item, _, span) => samples.Render(item, span), cancel))
        {
            var input = new DenseTensor<float>(batch.Pixels, [batch.Count, 3, batch.Height, batch.Width]);
            using var outputs = _session.Run([NamedOnnxValue.CreateFromTensor(Package.Manifest.Io.Input, input)], [Package.Manifest.Io.Logits]);
            var logits = outputs[0].AsTensor<float>();
            var classes = logits.Dimensions[1];
            for (var n = 0; n < batch.Count; n++)
            {
                var max = Enumerable.Range(0, classes).Max(c => logits[n, c]);
                var denominator = Enumerable.Range(0, classes).Sum(c => Math.Exp(logits[n, c] - max));
                var truth = (int)batch.Labels[n];
                lossSum -= logits[n, truth] - max - Math.Log(denominator);
                probabilities.Add(Math.Exp(logits[n, positive] - max) / denominator);
                actual.Add(truth == positive);
                items.Add(batch.ItemIndices[n]);
            }
        }

        return new ScoredSet(items, actual, probabilities, items.Count == 0 ? double.NaN : lossSum / items.Count);
    }

    public void Dispose() => _session.Dispose();
}
