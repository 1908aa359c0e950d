using System.Runtime.InteropServices;
using NCovNet.Core.Preprocessing;
using NCovNet.Training.Models.Architectures;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Cntk;

/// <summary>
/// Imports the ImageNet-pretrained ResNet of NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18
/// (a CNTK export, cut at the 7x7 average pool) into a TorchSharp backbone. Its graph is torchvision's
/// ResNet with BasicBlocks [2, 2, 2, 3] (layer4 has three blocks). CNTK pads strided layers
/// asymmetrically (begin 3/1, end 2/0), which equals torchvision's symmetric padding whenever the input
/// side is a multiple of 32 (224, 448, ...), so the torchvision module computes the same function there.
/// </summary>
public static class CntkResNet18Importer
{
    public const string Architecture = "resnet18-cntk";

    private static readonly int[] BlocksPerStage = [2, 2, 2, 3];

    /// <summary>Where the package's build props copy ResNet18.onnx into the output folder.</summary>
    public static string DefaultOnnxPath => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    /// <summary>
    /// The preprocessing the pretrained weights expect, at 224x224 with the JET colour map
    /// (change size and colour map with a <c>with</c> expression). The network was trained on BGR
    /// pixels on the 0..255 scale minus a 224x224 mean image; the mean image varies within a channel
    /// (standard deviation 3 to 6 grey levels), so this spec approximates it by its per-channel average
    /// (B 103.06, G 115.90, R 123.15) and std 1/255 turns [0, 1] pixels back into the 0..255 scale.
    /// </summary>
    public static PreprocessingSpec Preprocessing { get; } = new()
    {
        Width = 224,
        Height = 224,
        ColorMap = "jet",
        ChannelOrder = "BGR",
        Mean = [103.06262f / 255f, 115.90288f / 255f, 123.15163f / 255f],
        Std = [1f / 255f, 1f / 255f, 1f / 255f],
    };

    /// <summary>A classifier on the pretrained backbone, with a fresh head (state-dict head key "fc").</summary>
    public static CxrClassifier CreateClassifier(int classes = 2, string? onnxPath = null) =>
        new(Architecture, ImportBackbone(onnxPath ?? DefaultOnnxPath), classes, "fc");

    /// <summary>Reads the CNTK ONNX file and copies its convolution and BatchNorm weights into a new backbone.</summary>
    public static CxrBackbone ImportBackbone(string onnxPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(onnxPath);
        if (!File.Exists(onnxPath))
        {
            throw new FileNotFoundException($"The CNTK ResNet-18 ONNX file '{onnxPath}' is missing; restore package Microsoft.ML.DnnImageFeaturizer.ResNet18.", onnxPath);
        }

        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(onnxPath)).Graph;
        var backbone = new ResNetFeatures(Architecture, BlocksPerStage, bottleneck: false);
        var (main, downsample) = ConvolutionSlots(backbone);
        var (onnxMain, onnxDownsample) = ConvolutionLayers(graph);
        Copy(onnxMain, main, onnxPath);
        Copy(onnxDownsample, downsample, onnxPath);
        return backbone;
    }

    /// <summary>The backbone's (conv, norm) pairs in forward order, projection shortcuts apart.</summary>
    private static (List<(Conv2d, BatchNorm2d)> Main, List<(Conv2d, BatchNorm2d)> Downsample) ConvolutionSlots(nn.Module backbone)
    {
        var modules = backbone.named_modules().ToList();
        var convs = modules.Where(m => m.module is Conv2d).Select(m => (m.name, conv: (Conv2d)m.module));
        var norms = modules.Select(m => m.module).OfType<BatchNorm2d>();
        var pairs = convs.Zip(norms, (c, n) => (c.name, c.conv, n)).ToList();
        return (
            [.. pairs.Where(p => !p.name.Contains("downsample", StringComparison.Ordinal)).Select(p => (p.conv, p.n))],
            [.. pairs.Where(p => p.name.Contains("downsample", StringComparison.Ordinal)).Select(p => (p.conv, p.n))]);
    }

    /// <summary>The CNTK graph's Conv + BatchNormalization pairs in node order; 1x1 convolutions are the shortcuts.</summary>
    private static (List<CntkConvBn> Main, List<CntkConvBn> Downsample) ConvolutionLayers(GraphProto graph)
    {
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        var normByInput = graph.Node.Where(n => n.OpType == "BatchNormalization").ToDictionary(n => n.Input[0]);
        var layers = graph.Node
            .Where(n => n.OpType == "Conv")
            .Select(conv =>
            {
                var norm = normByInput.TryGetValue(conv.Output[0], out var bn)
                    ? bn
                    : throw new InvalidDataException($"CNTK convolution {conv.Name} is not followed by BatchNormalization.");
                return new CntkConvBn(
                    initializers[conv.Input[1]],
                    initializers[norm.Input[1]],
                    initializers[norm.Input[2]],
                    initializers[norm.Input[3]],
                    initializers[norm.Input[4]]);
            })
            .ToList();
        return ([.. layers.Where(l => l.Weight.Dims[2] != 1)], [.. layers.Where(l => l.Weight.Dims[2] == 1)]);
    }

    private static void Copy(List<CntkConvBn> source, List<(Conv2d Conv, BatchNorm2d Norm)> target, string onnxPath)
    {
        if (source.Count != target.Count)
        {
            throw new InvalidDataException($"{onnxPath} has {source.Count} convolutions of a kind where ResNet [2, 2, 2, 3] has {target.Count}.");
        }

        using var noGrad = torch.no_grad();
        foreach (var (layer, (conv, norm)) in source.Zip(target))
        {
            CopyInto(conv.weight!, layer.Weight);
            CopyInto(norm.weight!, layer.Scale);
            CopyInto(norm.bias!, layer.Bias);
            CopyInto(norm.running_mean!, layer.Mean);
            CopyInto(norm.running_var!, layer.Variance);
        }
    }

    private static void CopyInto(Tensor destination, TensorProto source)
    {
        if (!source.Dims.SequenceEqual(destination.shape))
        {
            throw new InvalidDataException($"CNTK tensor {source.Name} has shape [{string.Join(", ", source.Dims)}], expected [{string.Join(", ", destination.shape)}].");
        }

        var values = source.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(source.RawData.Span).ToArray()
            : source.FloatData.ToArray();
        using var tensor = torch.tensor(values, destination.shape);
        destination.copy_(tensor);
    }

    private sealed record CntkConvBn(TensorProto Weight, TensorProto Scale, TensorProto Bias, TensorProto Mean, TensorProto Variance);
}
