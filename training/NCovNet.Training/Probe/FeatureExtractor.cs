using NCovNet.Training.Loading;
using NCovNet.Training.Models;
using NCovNet.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Probe;

/// <summary>
/// The frozen backbone's globally average-pooled last feature map, one row of C values per image,
/// in eval mode (BatchNorm keeps its running statistics) and without gradients.
/// </summary>
public static class FeatureExtractor
{
    /// <summary>One row per item of <paramref name="samples"/>, in item order.</summary>
    public static double[][] Extract(CxrBackbone backbone, Device device, EvaluationSamples samples, BatchLoader loader, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(loader);
        backbone.eval();
        var rows = new double[samples.Items.Count][];
        var order = Enumerable.Range(0, samples.Items.Count).ToArray();
        using var noGrad = torch.no_grad();
        foreach (var batch in loader.Load(order, samples.Spec.Height, samples.Spec.Width, (item, _, span) => samples.Render(item, span), cancel))
        {
            using var scope = torch.NewDisposeScope();
            var (images, _) = BatchTensors.ToDevice(batch, device);
            var pooled = backbone.call(images).mean([2L, 3L]).to(ScalarType.Float64).cpu();
            var channels = (int)pooled.shape[1];
            var values = pooled.data<double>().ToArray();
            for (var n = 0; n < batch.Count; n++)
            {
                rows[batch.ItemIndices[n]] = values.AsSpan(n * channels, channels).ToArray();
            }
        }

        cancel.ThrowIfCancellationRequested();
        return rows;
    }
}
