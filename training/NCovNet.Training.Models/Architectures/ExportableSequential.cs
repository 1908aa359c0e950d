using NCovNet.Training.Models.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>A chain of exportable modules registered as "0", "1", ... (torchvision's nn.Sequential keys).</summary>
internal sealed class ExportableSequential : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly List<(nn.Module<Tensor, Tensor> Module, IOnnxExportable Export)> layers = [];

    public ExportableSequential(IEnumerable<(string Name, nn.Module<Tensor, Tensor> Module)> children)
        : base(nameof(ExportableSequential))
    {
        foreach (var (name, module) in children)
        {
            var export = module as IOnnxExportable ?? throw new ArgumentException($"{module.GetType().Name} cannot be exported to ONNX.", nameof(children));
            register_module(name, module);
            layers.Add((module, export));
        }
    }

    public ExportableSequential(IEnumerable<nn.Module<Tensor, Tensor>> children)
        : this(children.Select((module, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), module)))
    {
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var (module, _) in layers)
        {
            x = module.call(x);
        }

        return x.MoveToOuterDisposeScope();
    }

    public string ExportOnnx(OnnxGraphBuilder graph, string input) =>
        layers.Aggregate(input, (value, layer) => layer.Export.ExportOnnx(graph, value));
}
