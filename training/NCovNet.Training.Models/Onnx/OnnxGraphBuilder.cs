using System.Globalization;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Onnx;

/// <summary>
/// Builds an ONNX graph node by node from eval-mode modules. Weights become initializers, stored as
/// <see cref="WeightStorage"/> says and turned back into float32 in the graph, so computation stays float32.
/// </summary>
internal sealed class OnnxGraphBuilder(WeightStorage storage)
{
    /// <summary>Only kernels this large go int8: they hold most of the bytes, and the many small ones keep float16 precision.</summary>
    private const long Int8MinimumElements = 1 << 20;

    private int nextId;

    public GraphProto Graph { get; } = new() { Name = "ncovnet" };

    /// <summary>Conv2d followed by an eval-mode BatchNorm2d, folded into one Conv (weights scaled, bias shifted).</summary>
    public string ConvBn(string input, Conv2d conv, BatchNorm2d? norm)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        var weight = conv.weight!.detach().cpu().to(float64);
        var bias = conv.bias is null ? zeros(weight.shape[0], dtype: float64) : conv.bias.detach().cpu().to(float64);
        if (norm is not null)
        {
            var scale = norm.weight!.detach().cpu().to(float64) / (norm.running_var!.cpu().to(float64) + norm.eps).sqrt();
            weight = weight * scale.reshape(-1, 1, 1, 1);
            bias = ((bias - norm.running_mean!.cpu().to(float64)) * scale) + norm.bias!.detach().cpu().to(float64);
        }

        var inputs = new[] { input, Kernel("conv_w", weight), Weight("conv_b", bias) };
        return Node("Conv", inputs,
            Ints("kernel_shape", conv.kernel_size[0], conv.kernel_size[1]),
            Ints("strides", conv.stride[0], conv.stride[1]),
            Ints("pads", conv.padding![0], conv.padding[1], conv.padding[0], conv.padding[1]),
            Ints("dilations", conv.dilation[0], conv.dilation[1]),
            Int("group", conv.groups));
    }

    /// <summary>A BatchNorm2d that cannot be folded into a preceding convolution (pre-activation layouts).</summary>
    public string BatchNorm(string input, BatchNorm2d norm)
    {
        using var scope = NewDisposeScope();
        var inputs = new[]
        {
            input,
            Weight("bn_scale", norm.weight!.detach()),
            Weight("bn_bias", norm.bias!.detach()),
            Weight("bn_mean", norm.running_mean!),
            Weight("bn_var", norm.running_var!),
        };
        return Node("BatchNormalization", inputs, Float("epsilon", (float)norm.eps));
    }

    public string Relu(string input) => Node("Relu", [input]);

    public string Add(string a, string b) => Node("Add", [a, b]);

    public string Concat(IReadOnlyList<string> inputs) => Node("Concat", [.. inputs], Int("axis", 1));

    public string MaxPool(string input, int kernel, int stride, int padding) =>
        Node("MaxPool", [input], Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride), Ints("pads", padding, padding, padding, padding));

    public string AveragePool(string input, int kernel, int stride) =>
        Node("AveragePool", [input], Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride));

    public string GlobalAveragePool(string input) => Node("GlobalAveragePool", [input]);

    public string Flatten(string input) => Node("Flatten", [input], Int("axis", 1));

    /// <summary>y = x * W^T + b for x [N, in] and a Linear layer.</summary>
    public string Linear(string input, Linear linear)
    {
        using var scope = NewDisposeScope();
        return Node("Gemm", [input, Weight("fc_w", linear.weight!.detach()), Weight("fc_b", linear.bias!.detach())], Int("transB", 1));
    }

    /// <summary>A float32 constant as stored; returns the float32 value's name.</summary>
    public string Weight(string prefix, Tensor values)
    {
        var name = NewName(prefix);
        var contiguous = values.detach().cpu().contiguous();
        if (storage == WeightStorage.Float32)
        {
            return Initializer(name, contiguous.to(float32), TensorProto.Types.DataType.Float);
        }

        var stored = Initializer(name + "_fp16", contiguous.to(float16), TensorProto.Types.DataType.Float16);
        return Node("Cast", [stored], Int("to", (int)TensorProto.Types.DataType.Float));
    }

    /// <summary>A convolution kernel [out, in, kh, kw]: int8 per output channel where asked, else as <see cref="Weight"/>.</summary>
    public string Kernel(string prefix, Tensor kernel)
    {
        if (storage != WeightStorage.Int8Convolutions || kernel.numel() < Int8MinimumElements)
        {
            return Weight(prefix, kernel);
        }

        var name = NewName(prefix);
        var values = kernel.detach().cpu().to(float32).contiguous();
        var scale = values.abs().amax([1L, 2L, 3L]).clamp_min(1e-12) / 127;
        var quantized = (values / scale.reshape(-1, 1, 1, 1)).round().clamp(-127, 127).to(int8);
        var inputs = new[]
        {
            Initializer(name + "_int8", quantized, TensorProto.Types.DataType.Int8),
            Initializer(name + "_scale", scale, TensorProto.Types.DataType.Float),
            Initializer(name + "_zero", zeros(scale.shape[0], dtype: int8), TensorProto.Types.DataType.Int8),
        };
        return Node("DequantizeLinear", inputs, Int("axis", 0));
    }

    /// <summary>Adds a node with one output and returns that output's name.</summary>
    public string Node(string opType, string[] inputs, params AttributeProto[] attributes)
    {
        var output = NewName(opType.ToLowerInvariant());
        NodeWithOutput(opType, inputs, output, attributes);
        return output;
    }

    /// <summary>Adds a node whose output has a chosen name (graph outputs).</summary>
    public void NodeWithOutput(string opType, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = output + "_node" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private string Initializer(string name, Tensor values, TensorProto.Types.DataType type)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(values.bytes) };
        tensor.Dims.AddRange(values.shape);
        Graph.Initializer.Add(tensor);
        return name;
    }

    private string NewName(string prefix) => prefix + "_" + (nextId++).ToString(CultureInfo.InvariantCulture);
}
