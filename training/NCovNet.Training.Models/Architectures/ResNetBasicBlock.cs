using NCovNet.Training.Models.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>torchvision's ResNet BasicBlock: two 3x3 convolutions and an identity (or 1x1 projection) shortcut.</summary>
internal sealed class ResNetBasicBlock : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    public const int Expansion = 1;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly ResNetDownsample? downsample;

    public ResNetBasicBlock(int inChannels, int channels, int stride)
        : base(nameof(ResNetBasicBlock))
    {
        conv1 = nn.Conv2d(inChannels, channels, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(channels);
        conv2 = nn.Conv2d(channels, channels, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(channels);
        register_module("conv1", conv1);
        register_module("bn1", bn1);
        register_module("conv2", conv2);
        register_module("bn2", bn2);
        if (stride != 1 || inChannels != channels * Expansion)
        {
            downsample = new ResNetDownsample(inChannels, channels * Expansion, stride);
            register_module("downsample", downsample);
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.relu(bn1.call(conv1.call(input)));
        y = bn2.call(conv2.call(y));
        var shortcut = downsample is null ? input : downsample.call(input);
        return nn.functional.relu(y.add_(shortcut)).MoveToOuterDisposeScope();
    }

    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        var y = graph.Relu(graph.ConvBn(input, conv1, bn1));
        y = graph.ConvBn(y, conv2, bn2);
        var shortcut = downsample is null ? input : downsample.ExportOnnx(graph, input);
        return graph.Relu(graph.Add(y, shortcut));
    }
}
