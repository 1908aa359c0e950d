using NCovNet.Training.Models.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>
/// torchvision's VGG "features" (keys features.{index}, counting convolutions, ReLUs and max-pools) without
/// its last max-pool: the global-average-pool head replaces VGG's classifier (as the paper does), and the
/// un-pooled map (14x14 at 224) gives Grad-CAM twice the resolution.
/// </summary>
internal sealed class VggFeatures : CxrBackbone
{
    private const int MaxPool = 0;

    /// <summary>Per layer: a convolution, or null for a 2x2 max-pool.</summary>
    private readonly Conv2d?[] layers;

    public VggFeatures(string name, IReadOnlyList<int> configuration)
        : base(name)
    {
        var plan = new List<Conv2d?>();
        var channels = 3;
        var index = 0;
        foreach (var width in configuration.Take(configuration.Count - 1))
        {
            if (width == MaxPool)
            {
                plan.Add(null);
                index++;
                continue;
            }

            var conv = nn.Conv2d(channels, width, 3, padding: 1);
            register_module(index.ToString(System.Globalization.CultureInfo.InvariantCulture), conv);
            plan.Add(conv);
            index += 2; // the convolution and its ReLU
            channels = width;
        }

        layers = [.. plan];
        OutputChannels = channels;
        Stages = [.. plan.OfType<Conv2d>()];
        TorchvisionInit.Apply(this, fanOut: true);
    }

    /// <summary>torchvision's cfg "D" (VGG-16) and "E" (VGG-19); 0 is a max-pool.</summary>
    public static int[] Vgg16 { get; } = [64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0];

    public static int[] Vgg19 { get; } = [64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0, 512, 512, 512, 512, 0];

    public override int OutputChannels { get; }

    /// <summary>Each convolution is a stage.</summary>
    public override IReadOnlyList<nn.Module> Stages { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var conv in layers)
        {
            x = conv is null ? nn.functional.max_pool2d(x, 2, 2) : nn.functional.relu(conv.call(x));
        }

        return x.MoveToOuterDisposeScope();
    }

    internal override string ExportOnnx(OnnxGraphBuilder graph, string input) =>
        layers.Aggregate(input, (x, conv) => conv is null
            ? graph.MaxPool(x, kernel: 2, stride: 2, padding: 0)
            : graph.Relu(graph.ConvBn(x, conv, null)));
}
