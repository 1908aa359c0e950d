using NCovNet.Training.Models.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>The projection shortcut: 1x1 convolution and BatchNorm, keys "downsample.0" and "downsample.1".</summary>
internal sealed class ResNetDownsample : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    // Held in a tuple: TorchSharp also registers Module-typed fields under their field names,
    // which would add duplicate "conv"/"norm" keys beside torchvision's "0"/"1".
    private readonly (Conv2d Conv, BatchNorm2d Norm) layers;

    public ResNetDownsample(int inChannels, int outChannels, int stride)
        : base(nameof(ResNetDownsample))
    {
        layers = (nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), nn.BatchNorm2d(outChannels));
        register_module("0", layers.Conv);
        register_module("1", layers.Norm);
    }

    public override Tensor forward(Tensor input)
    {
        using var y = layers.Conv.call(input);
        return layers.Norm.call(y);
    }

    public string ExportOnnx(OnnxGraphBuilder graph, string input) => graph.ConvBn(input, layers.Conv, layers.Norm);
}
