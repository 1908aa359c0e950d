using Google.Protobuf;
using NCovNet.Core.Models;
using Onnx;
using TorchSharp;

namespace NCovNet.Training.Models.Onnx;

/// <summary>
/// Writes a <see cref="CxrClassifier"/> as an ONNX model (opset 17) with the I/O contract of
/// <see cref="ModelOutputs"/>: input image float32 [N, 3, H, W] (dynamic N); outputs logits
/// [N, classes], features [N, C, h, w] and cam [N, classes, h, w] = sum_k W[c, k] * features[k] / (h * w).
/// Eval-mode BatchNorm is folded into the preceding convolution where there is one.
/// </summary>
public static class OnnxExporter
{
    public const int Opset = 17;

    private const string BatchDimension = "N";

    public static void Export(CxrClassifier model, int inputHeight, int inputWidth, string path, bool float16Weights) =>
        Export(model, inputHeight, inputWidth, path, float16Weights ? WeightStorage.Float16 : WeightStorage.Float32);

    public static void Export(CxrClassifier model, int inputHeight, int inputWidth, string path, WeightStorage storage)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputHeight, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputWidth, 8);

        var wasTraining = model.training;
        model.eval();
        try
        {
            var proto = Build(model, inputHeight, inputWidth, storage);
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            using var stream = File.Create(path);
            proto.WriteTo(stream);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static ModelProto Build(CxrClassifier model, int height, int width, WeightStorage storage)
    {
        var io = new ModelOutputs();
        var (channels, mapHeight, mapWidth) = FeatureMapShape(model, height, width);
        var graph = new OnnxGraphBuilder(storage);

        var features = model.Backbone.ExportOnnx(graph, io.Input);
        graph.NodeWithOutput("Identity", [features], io.Features);
        var pooled = graph.Flatten(graph.GlobalAveragePool(io.Features));
        graph.NodeWithOutput("Gemm", [pooled, Weight(graph, "head_w", model.Head.weight!), Weight(graph, "head_b", model.Head.bias!)], io.Logits, OnnxGraphBuilder.Int("transB", 1));
        graph.NodeWithOutput("Conv", [io.Features, CamKernel(graph, model, mapHeight * mapWidth)], io.Cam, OnnxGraphBuilder.Ints("kernel_shape", 1, 1));

        graph.Graph.Input.Add(Value(io.Input, BatchDimension, 3, height, width));
        graph.Graph.Output.Add(Value(io.Logits, BatchDimension, model.Classes));
        graph.Graph.Output.Add(Value(io.Features, BatchDimension, channels, mapHeight, mapWidth));
        graph.Graph.Output.Add(Value(io.Cam, BatchDimension, model.Classes, mapHeight, mapWidth));

        var proto = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "NCovNet.Training.Models",
            DocString = $"{model.Architecture}, {width}x{height}, weights {storage.ManifestName()}",
            Graph = graph.Graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return proto;
    }

    private static string Weight(OnnxGraphBuilder graph, string prefix, torch.Tensor tensor)
    {
        using var scope = torch.NewDisposeScope();
        return graph.Weight(prefix, tensor.detach());
    }

    /// <summary>The head's weights as a 1x1 convolution kernel [classes, C, 1, 1], divided by h * w.</summary>
    private static string CamKernel(OnnxGraphBuilder graph, CxrClassifier model, long positions)
    {
        using var scope = torch.NewDisposeScope();
        var weight = model.Head.weight!.detach().to(torch.float64) / positions;
        return graph.Weight("cam_w", weight.reshape(model.Classes, -1, 1, 1));
    }

    private static (long Channels, long Height, long Width) FeatureMapShape(CxrClassifier model, int height, int width)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var device = model.Head.weight!.device;
        var map = model.Backbone.call(torch.zeros(1, 3, height, width, device: device));
        return (map.shape[1], map.shape[2], map.shape[3]);
    }

    private static ValueInfoProto Value(string name, string batch, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = batch });
        foreach (var dim in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = dim });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
