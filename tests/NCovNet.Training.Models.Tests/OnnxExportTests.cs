using NCovNet.Training.Models.Cntk;
using NCovNet.Training.Models.Onnx;
using Onnx;
using TorchSharp;
using Xunit.Abstractions;

namespace NCovNet.Training.Models.Tests;

public class OnnxExportTests(ITestOutputHelper output)
{
    /// <summary>float16 keeps 11 significant bits: weights move by up to 2^-11 relative; measured logit shift ~1.3e-3 on logits ~1.</summary>
    private const float Float16LogitTolerance = 1e-2f;

    [Fact]
    public void Float16_weights_halve_the_pretrained_model_and_keep_its_logits_on_real_radiographs()
    {
        torch.manual_seed(11);
        using var model = ModelZoo.Create(CntkResNet18Importer.Architecture);
        model.eval();
        var spec = CntkResNet18Importer.Preprocessing;
        using var temp = new TempDirectory();
        var path = temp.File("model-fp16.onnx");

        OnnxExporter.Export(model, spec.Height, spec.Width, path, float16Weights: true);

        var parameterBytes = model.parameters().Sum(p => p.numel()) * sizeof(float);
        var fileBytes = new FileInfo(path).Length;
        Assert.InRange(fileBytes, parameterBytes * 0.45, parameterBytes * 0.55);
        Assert.All(ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph.Initializer, t => Assert.Equal((int)TensorProto.Types.DataType.Float16, t.DataType));
        using var images = TestImages.Batch(spec, TestImages.Covid, TestImages.CovidOther);
        var onnx = OnnxRun.Outputs(path, images);
        using var noGrad = torch.no_grad();
        var difference = OnnxRun.AssertClose(model.call(images), onnx["logits"], Float16LogitTolerance, "float16 logits");
        output.WriteLine($"float16: {fileBytes} bytes, max abs logit difference {difference:E2}");
    }

    [Fact]
    public void Batch_dimension_is_dynamic_and_each_image_scores_as_it_does_alone()
    {
        using var model = TestModels.Create("resnet18");
        using var temp = new TempDirectory();
        var path = temp.File("model.onnx");
        OnnxExporter.Export(model, 64, 64, path, float16Weights: false);
        torch.manual_seed(4);
        using var images = torch.randn(3, 3, 64, 64);

        var batch = OnnxRun.Outputs(path, images);

        for (var i = 0; i < 3; i++)
        {
            var single = OnnxRun.Outputs(path, images.narrow(0, i, 1));
            foreach (var name in new[] { "logits", "features", "cam" })
            {
                OnnxRun.AssertClose(single[name], batch[name].narrow(0, i, 1), 1e-5f, name);
            }
        }
    }

    [Fact]
    public void Graph_declares_opset_17_and_the_io_contract()
    {
        using var model = TestModels.Create("vgg16");
        using var temp = new TempDirectory();
        var path = temp.File("model.onnx");

        OnnxExporter.Export(model, 64, 64, path, float16Weights: false);

        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Equal(17, proto.OpsetImport.Single().Version);
        Assert.Equal("image", proto.Graph.Input.Single().Name);
        Assert.Equal(["logits", "features", "cam"], proto.Graph.Output.Select(o => o.Name));
        Assert.Equal("N", proto.Graph.Input.Single().Type.TensorType.Shape.Dim[0].DimParam);
        Assert.DoesNotContain(proto.Graph.Node, n => n.OpType == "BatchNormalization");
    }
}
