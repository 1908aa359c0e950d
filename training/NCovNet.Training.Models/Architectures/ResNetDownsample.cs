using NCovNet.Training.Models.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>The projection shortcut: 1x1 convolution and BatchNorm, keys "downsample.0" and "downsample.1".</summary>
internal sealed class ResNetDownsample : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;

    public ResNetDownsample(int inChannels, int outChannels, int stride)
        : base(nameof(ResNetDownsample))
    {
        conv = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
        norm = nn.BatchNorm2d(outChannels);
        register_module("0", conv);
        register_module("1", norm);
    }

    public override Tensor forward(Tensor input)
    {
        using var y = conv.call(input);
        return norm.call(y);
    }

    public string ExportOnnx(OnnxGraphBuilder graph, string input) => graph.ConvBn(input, conv, norm);
}
