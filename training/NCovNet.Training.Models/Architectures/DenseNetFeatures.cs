using NCovNet.Training.Models.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>
/// torchvision's DenseNet "features" (conv0, norm0, pool0, denseblock1, transition1, ..., denseblock4, norm5)
/// followed by the final ReLU that torchvision applies in forward, so the output is the activated feature map.
/// </summary>
internal sealed class DenseNetFeatures : CxrBackbone
{
    private const int BottleneckSize = 4;

    private readonly Conv2d conv0;
    private readonly BatchNorm2d norm0;
    private readonly BatchNorm2d norm5;
    private readonly nn.Module<Tensor, Tensor>[] body;

    public DenseNetFeatures(string name, int growthRate, IReadOnlyList<int> blockLayers, int initialChannels)
        : base(name)
    {
        conv0 = nn.Conv2d(3, initialChannels, 7, stride: 2, padding: 3, bias: false);
        norm0 = nn.BatchNorm2d(initialChannels);
        register_module("conv0", conv0);
        register_module("norm0", norm0);
        var stages = new List<nn.Module<Tensor, Tensor>>();
        var channels = initialChannels;
        for (var i = 0; i < blockLayers.Count; i++)
        {
            var block = new DenseBlock(blockLayers[i], channels, growthRate, BottleneckSize);
            register_module($"denseblock{i + 1}", block);
            stages.Add(block);
            channels = block.OutputChannels;
            if (i == blockLayers.Count - 1)
            {
                break;
            }

            var transition = new DenseTransition(channels, channels / 2);
            register_module($"transition{i + 1}", transition);
            stages.Add(transition);
            channels /= 2;
        }

        norm5 = nn.BatchNorm2d(channels);
        register_module("norm5", norm5);
        body = [.. stages];
        OutputChannels = channels;
        Stages = [.. stages, norm5];
        TorchvisionInit.Apply(this, fanOut: false);
    }

    public override int OutputChannels { get; }

    public override IReadOnlyList<nn.Module> Stages { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(norm0.call(conv0.call(input)));
        x = nn.functional.max_pool2d(x, 3, 2, 1);
        foreach (var stage in body)
        {
            x = stage.call(x);
        }

        return nn.functional.relu(norm5.call(x)).MoveToOuterDisposeScope();
    }

    internal override string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        var x = graph.Relu(graph.ConvBn(input, conv0, norm0));
        x = graph.MaxPool(x, kernel: 3, stride: 2, padding: 1);
        x = body.Cast<IOnnxExportable>().Aggregate(x, (value, stage) => stage.ExportOnnx(graph, value));
        return graph.Relu(graph.BatchNorm(x, norm5));
    }
}
