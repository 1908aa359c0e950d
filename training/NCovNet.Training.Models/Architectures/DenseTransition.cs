using NCovNet.Training.Models.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>torchvision's _Transition: BN, ReLU, 1x1 conv halving the channels, 2x2 average pooling.</summary>
internal sealed class DenseTransition : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly BatchNorm2d norm;
    private readonly Conv2d conv;

    public DenseTransition(int inChannels, int outChannels)
        : base(nameof(DenseTransition))
    {
        norm = nn.BatchNorm2d(inChannels);
        conv = nn.Conv2d(inChannels, outChannels, 1, bias: false);
        register_module("norm", norm);
        register_module("conv", conv);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var y = conv.call(nn.functional.relu(norm.call(input)));
        return nn.functional.avg_pool2d(y, 2, 2).MoveToOuterDisposeScope();
    }

    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        var y = graph.ConvBn(graph.Relu(graph.BatchNorm(input, norm)), conv, null);
        return graph.AveragePool(y, kernel: 2, stride: 2);
    }
}
