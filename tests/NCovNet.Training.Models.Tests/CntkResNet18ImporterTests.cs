using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NCovNet.Training.Models.Cntk;
using Onnx;
using TorchSharp;
using Xunit.Abstractions;

namespace NCovNet.Training.Models.Tests;

public class CntkResNet18ImporterTests(ITestOutputHelper output)
{
    [Fact]
    public void Imported_backbone_pools_the_same_features_as_onnx_runtime_on_the_original_file()
    {
        var spec = CntkResNet18Importer.Preprocessing;
        var pixels = TestImages.Pixels(TestImages.Covid, spec);

        using var backbone = CntkResNet18Importer.ImportBackbone(CntkResNet18Importer.DefaultOnnxPath);
        backbone.eval();
        using var noGrad = torch.no_grad();
        using var image = torch.tensor(pixels, [1, 3, spec.Height, spec.Width]);
        using var ours = backbone.call(image).mean([2L, 3L]).flatten();

        using var session = new InferenceSession(CntkResNet18Importer.DefaultOnnxPath);
        var input = new DenseTensor<float>(pixels, [1, 3, spec.Height, spec.Width]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), input)]);
        using var reference = torch.tensor(results.Single().AsTensor<float>().ToArray());

        var difference = (ours - reference).abs().max().item<float>();
        Assert.True(difference < 1e-4f, $"max abs difference of pooled features {difference}");
        output.WriteLine($"CNTK import: max abs pooled-feature difference {difference:E2}");
        Assert.True(reference.abs().max().item<float>() > 0.1f, "the features carry signal");
    }

    [Fact]
    public void Preprocessing_mean_is_the_per_channel_average_of_the_cntk_mean_image_in_bgr()
    {
        var preprocess = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        var meanImage = ModelProto.Parser.ParseFrom(File.ReadAllBytes(preprocess)).Graph.Initializer.Single(i => i.Name == "MeanImage");
        var values = meanImage.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(meanImage.RawData.Span).ToArray() : [.. meanImage.FloatData];
        var plane = values.Length / 3;

        var spec = CntkResNet18Importer.Preprocessing;

        Assert.Equal("BGR", spec.ChannelOrder);
        for (var c = 0; c < 3; c++)
        {
            var average = values.Skip(c * plane).Take(plane).Average(v => (double)v);
            Assert.Equal(average / 255, spec.Mean[c], 5);
            Assert.Equal(1.0 / 255, spec.Std[c], 6);
        }
    }

    [Fact]
    public void Model_zoo_builds_the_pretrained_classifier_by_name()
    {
        using var model = ModelZoo.Create(CntkResNet18Importer.Architecture);

        Assert.Equal(512, model.Backbone.OutputChannels);
        Assert.Equal(9, model.Backbone.Stages.Sum(stage => stage.children().Count()));
    }
}
