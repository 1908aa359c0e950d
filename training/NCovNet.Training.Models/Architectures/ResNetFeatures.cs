using NCovNet.Training.Models.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>
/// torchvision's ResNet up to layer4 (keys conv1, bn1, layer1..layer4), BasicBlock or Bottleneck.
/// Registered in a <see cref="CxrClassifier"/> under "features", so torchvision keys gain that prefix.
/// </summary>
internal sealed class ResNetFeatures : CxrBackbone
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ExportableSequential[] layers;

    public ResNetFeatures(string name, IReadOnlyList<int> blocksPerStage, bool bottleneck)
        : base(name)
    {
        var expansion = bottleneck ? ResNetBottleneck.Expansion : ResNetBasicBlock.Expansion;
        conv1 = nn.Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = nn.BatchNorm2d(64);
        register_module("conv1", conv1);
        register_module("bn1", bn1);
        layers = new ExportableSequential[blocksPerStage.Count];
        var inChannels = 64;
        for (var stage = 0; stage < blocksPerStage.Count; stage++)
        {
            var channels = 64 << stage;
            var blocks = new List<nn.Module<Tensor, Tensor>>();
            for (var b = 0; b < blocksPerStage[stage]; b++)
            {
                var stride = b == 0 && stage > 0 ? 2 : 1;
                blocks.Add(bottleneck
                    ? new ResNetBottleneck(inChannels, channels, stride)
                    : new ResNetBasicBlock(inChannels, channels, stride));
                inChannels = channels * expansion;
            }

            layers[stage] = new ExportableSequential(blocks);
            register_module($"layer{stage + 1}", layers[stage]);
        }

        OutputChannels = inChannels;
        Stages = layers;
        TorchvisionInit.Apply(this, fanOut: true);
    }

    public override int OutputChannels { get; }

    public override IReadOnlyList<nn.Module> Stages { get; }

    internal override bool TorchvisionKeysAtTopLevel => true;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.call(conv1.call(input)));
        x = nn.functional.max_pool2d(x, 3, 2, 1);
        foreach (var layer in layers)
        {
            x = layer.call(x);
        }

        return x.MoveToOuterDisposeScope();
    }

    internal override string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        var x = graph.Relu(graph.ConvBn(input, conv1, bn1));
        x = graph.MaxPool(x, kernel: 3, stride: 2, padding: 1);
        return layers.Aggregate(x, (value, layer) => layer.ExportOnnx(graph, value));
    }
}
