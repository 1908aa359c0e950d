using NCovNet.Training.Models.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>
/// torchvision's _DenseLayer: BN-ReLU-1x1 conv (bottleneck to bnSize * growth channels), BN-ReLU-3x3 conv
/// (growth channels), applied to the concatenation of every earlier feature map in its block.
/// </summary>
internal sealed class DenseLayer : nn.Module<Tensor, Tensor>
{
    private readonly BatchNorm2d norm1;
    private readonly Conv2d conv1;
    private readonly BatchNorm2d norm2;
    private readonly Conv2d conv2;

    public DenseLayer(int inChannels, int growthRate, int bottleneckSize)
        : base(nameof(DenseLayer))
    {
        norm1 = nn.BatchNorm2d(inChannels);
        conv1 = nn.Conv2d(inChannels, bottleneckSize * growthRate, 1, bias: false);
        norm2 = nn.BatchNorm2d(bottleneckSize * growthRate);
        conv2 = nn.Conv2d(bottleneckSize * growthRate, growthRate, 3, padding: 1, bias: false);
        register_module("norm1", norm1);
        register_module("conv1", conv1);
        register_module("norm2", norm2);
        register_module("conv2", conv2);
    }

    /// <summary>The new feature map [N, growth, h, w] from the concatenated inputs.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var y = conv1.call(nn.functional.relu(norm1.call(input)));
        return conv2.call(nn.functional.relu(norm2.call(y))).MoveToOuterDisposeScope();
    }

    /// <summary>norm2 follows conv1 directly, so it folds into it; norm1 follows a concatenation and stays.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string concatenated)
    {
        var y = graph.Relu(graph.BatchNorm(concatenated, norm1));
        y = graph.Relu(graph.ConvBn(y, conv1, norm2));
        return graph.ConvBn(y, conv2, null);
    }
}
