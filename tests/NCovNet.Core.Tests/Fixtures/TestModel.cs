using Google.Protobuf;
using NCovNet.Core.Models;
using NCovNet.Core.Preprocessing;
using Onnx;

namespace NCovNet.Core.Tests.Fixtures;

/// <summary>
/// A small but real CNN with known weights, written as ONNX with the serving contract's outputs:
/// image [N,3,S,S] -> Conv3x3/s -> Relu -> Conv3x3/s -> Relu = features [N,C2,h,w]
/// -> GlobalAveragePool -> Flatten -> Gemm = logits [N,2]; cam = 1x1 Conv of features with
/// W / (h*w) = [N,2,h,w]. <see cref="TestModelReference"/> recomputes it independently.
/// </summary>
public sealed record TestModel
{
    public static readonly string[] Classes = ["covid", "other_pneumonia"];

    private TestModel(int inputSize, int stride, int channels1, int channels2, int seed)
    {
        InputSize = inputSize;
        Stride = stride;
        Channels1 = channels1;
        Channels2 = channels2;
        var random = new Random(seed);
        Conv1Weight = Uniform(random, channels1 * 3 * 9, 1 / MathF.Sqrt(27));
        Conv1Bias = Uniform(random, channels1, 0.1f);
        Conv2Weight = Uniform(random, channels2 * channels1 * 9, 1 / MathF.Sqrt(channels1 * 9));
        Conv2Bias = Uniform(random, channels2, 0.1f);
        FcWeight = Uniform(random, Classes.Length * channels2, 4 / MathF.Sqrt(channels2));
        FcBias = [0.1f, -0.1f];
    }

    public int InputSize { get; }

    public int Stride { get; }

    public int Channels1 { get; }

    public int Channels2 { get; }

    public int FeatureSize => ConvOutput(ConvOutput(InputSize));

    public float[] Conv1Weight { get; }

    public float[] Conv1Bias { get; }

    public float[] Conv2Weight { get; }

    public float[] Conv2Bias { get; }

    /// <summary>[classes, Channels2], row-major.</summary>
    public float[] FcWeight { get; private init; }

    public float[] FcBias { get; private init; }

    /// <summary>The default: 32x32 input, features 8x8, fast enough for exact reference checks.</summary>
    public static TestModel Create(int inputSize = 32, int stride = 2, int channels1 = 4, int channels2 = 6, int seed = 7) =>
        new(inputSize, stride, channels1, channels2, seed);

    /// <summary>A model whose head ignores the image: every input gets softmax(<paramref name="logits"/>).</summary>
    public static TestModel Constant(float covidLogit, float otherLogit) =>
        Create() with { FcWeight = new float[Classes.Length * 6], FcBias = [covidLogit, otherLogit] };

    public int ConvOutput(int size) => ((size + 2 - 3) / Stride) + 1;

    /// <summary>Writes model.onnx and model.json (with its hash) into <paramref name="directory"/>.</summary>
    public ModelManifest WritePackage(string directory, double threshold = 0.5, string colorMap = "jet")
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, ModelPackage.OnnxFileName), ToOnnx().ToByteArray());
        return ModelPackage.WriteManifest(directory, new ModelManifest
        {
            Name = "test-cnn",
            Version = "1.0.0",
            Architecture = "test-cnn",
            Preprocessing = PreprocessingSpec.ImageNet(InputSize, colorMap),
            Classes = Classes,
            PositiveClass = "covid",
            DecisionThreshold = threshold,
            Io = new ModelOutputs(),
            Training = new TrainingRecord { Data = "none: fixed random weights", Licence = "MIT", Command = "tests" },
            OnnxSha256 = "",
        });
    }

    public ModelProto ToOnnx()
    {
        int s = InputSize, h = FeatureSize, classes = Classes.Length;
        var graph = new GraphProto { Name = "ncovnet-test-cnn" };
        graph.Input.Add(Value("image", "N", 3, s, s));
        graph.Output.Add(Value("logits", "N", classes));
        graph.Output.Add(Value("features", "N", Channels2, h, h));
        graph.Output.Add(Value("cam", "N", classes, h, h));

        graph.Initializer.Add(Tensor("conv1.weight", Conv1Weight, Channels1, 3, 3, 3));
        graph.Initializer.Add(Tensor("conv1.bias", Conv1Bias, Channels1));
        graph.Initializer.Add(Tensor("conv2.weight", Conv2Weight, Channels2, Channels1, 3, 3));
        graph.Initializer.Add(Tensor("conv2.bias", Conv2Bias, Channels2));
        graph.Initializer.Add(Tensor("fc.weight", FcWeight, classes, Channels2));
        graph.Initializer.Add(Tensor("fc.bias", FcBias, classes));
        graph.Initializer.Add(Tensor("cam.weight", FcWeight.Select(w => w / (h * h)).ToArray(), classes, Channels2, 1, 1));

        graph.Node.Add(Conv("image", "conv1.weight", "conv1.bias", "conv1"));
        graph.Node.Add(Node("Relu", ["conv1"], "relu1"));
        graph.Node.Add(Conv("relu1", "conv2.weight", "conv2.bias", "conv2"));
        graph.Node.Add(Node("Relu", ["conv2"], "features"));
        graph.Node.Add(Node("GlobalAveragePool", ["features"], "pooled"));
        graph.Node.Add(Node("Flatten", ["pooled"], "flat", Int("axis", 1)));
        graph.Node.Add(Node("Gemm", ["flat", "fc.weight", "fc.bias"], "logits", Int("transB", 1)));
        graph.Node.Add(Node("Conv", ["features", "cam.weight"], "cam", Ints("kernel_shape", 1, 1)));

        var model = new ModelProto { IrVersion = 8, ProducerName = "ncovnet-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model;
    }

    private NodeProto Conv(string input, string weight, string bias, string output) =>
        Node("Conv", [input, weight, bias], output, Ints("kernel_shape", 3, 3), Ints("strides", Stride, Stride), Ints("pads", 1, 1, 1, 1));

    private static NodeProto Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = output + "_" + op };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static TensorProto Tensor(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    private static ValueInfoProto Value(string name, string batch, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = batch });
        shape.Dim.AddRange(dims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static float[] Uniform(Random random, int count, float bound) =>
        Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1) * bound).ToArray();
}
