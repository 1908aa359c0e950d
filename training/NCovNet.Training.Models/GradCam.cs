using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Models;

/// <summary>
/// Grad-CAM computed with autograd, the training-side reference for the serving side's exact map:
/// the gradient of the class logit with respect to the last feature map, averaged over positions
/// per channel, weights a sum of the channels, then ReLU and scaling so each image's maximum is 1.
/// </summary>
public static class GradCam
{
    /// <summary>Heatmaps [N, h, w] in [0, 1] (all zero where the class has no positive evidence) for images [N, 3, H, W].</summary>
    public static Tensor Compute(CxrClassifier model, Tensor image, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, model.Classes);

        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            Tensor map;
            using (no_grad())
            {
                map = model.Backbone.call(image);
            }

            // The map becomes a leaf, so the backward pass stops there whether or not the backbone is frozen.
            using var enableGrad = enable_grad();
            var features = map.detach().requires_grad_(true);
            var logits = model.Head.call(features.mean([2L, 3L]));
            var score = logits.select(1, classIndex).sum();
            var gradient = torch.autograd.grad([score], [features])[0];
            var channelWeights = gradient.mean([2L, 3L], keepdim: true);
            var cam = nn.functional.relu((channelWeights * features).sum(1)).detach();
            var peak = cam.amax([1L, 2L], keepdim: true).clamp_min(1e-12);
            return (cam / peak).MoveToOuterDisposeScope();
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
