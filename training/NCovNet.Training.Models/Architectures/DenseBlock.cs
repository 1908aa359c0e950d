using NCovNet.Training.Models.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>torchvision's _DenseBlock: layers "denselayer1".. each adding growth channels to the running concatenation.</summary>
internal sealed class DenseBlock : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly DenseLayer[] layers;

    public DenseBlock(int layerCount, int inChannels, int growthRate, int bottleneckSize)
        : base(nameof(DenseBlock))
    {
        layers = new DenseLayer[layerCount];
        for (var i = 0; i < layerCount; i++)
        {
            layers[i] = new DenseLayer(inChannels + (i * growthRate), growthRate, bottleneckSize);
            register_module($"denselayer{i + 1}", layers[i]);
        }

        OutputChannels = inChannels + (layerCount * growthRate);
    }

    public int OutputChannels { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var maps = new List<Tensor> { input };
        foreach (var layer in layers)
        {
            maps.Add(layer.call(torch.cat(maps, 1)));
        }

        return torch.cat(maps, 1).MoveToOuterDisposeScope();
    }

    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        var maps = new List<string> { input };
        foreach (var layer in layers)
        {
            maps.Add(layer.ExportOnnx(graph, maps.Count == 1 ? input : graph.Concat(maps)));
        }

        return graph.Concat(maps);
    }
}
