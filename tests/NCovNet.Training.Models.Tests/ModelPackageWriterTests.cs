using NCovNet.Core.Models;
using NCovNet.Training.Models.Cntk;
using NCovNet.Training.Models.Onnx;
using TorchSharp;
using Xunit.Abstractions;

namespace NCovNet.Training.Models.Tests;

public class ModelPackageWriterTests(ITestOutputHelper output)
{
    /// <summary>int8 kernels (one scale per output channel) round weights by up to 1/254 of a channel's peak; measured logit shift ~1.3e-2 on logits ~0.8.</summary>
    private const float Int8LogitTolerance = 3e-2f;

    [Fact]
    public void Written_package_loads_with_a_verified_hash_and_scores_like_the_model()
    {
        using var model = TestModels.Create("densenet121");
        using var temp = new TempDirectory();
        var directory = temp.Path;
        var spec = CntkResNet18Importer.Preprocessing with { Width = 64, Height = 64, ChannelOrder = "RGB" };

        var written = ModelPackageWriter.Write(model, Manifest("densenet121", spec), directory, float16Weights: false);

        var package = ModelPackage.Load(directory);
        Assert.Equal(written.OnnxSha256, package.Manifest.OnnxSha256);
        Assert.Equal("float32", package.Manifest.WeightStorage);
        using var image = TestImages.Batch(spec, TestImages.Covid);
        var onnx = OnnxRun.Outputs(Path.Combine(directory, ModelPackage.OnnxFileName), image);
        using var noGrad = torch.no_grad();
        OnnxRun.AssertClose(model.call(image), onnx["logits"], 1e-4f, "logits");
    }

    [Fact]
    public void Pretrained_default_model_with_int8_kernels_fits_under_30_MB_and_keeps_its_logits_on_real_radiographs()
    {
        torch.manual_seed(13);
        using var model = ModelZoo.Create(CntkResNet18Importer.Architecture);
        model.eval();
        using var temp = new TempDirectory();
        var directory = temp.Path;
        var spec = CntkResNet18Importer.Preprocessing;

        ModelPackageWriter.Write(model, Manifest(CntkResNet18Importer.Architecture, spec), directory, WeightStorage.Int8Convolutions);

        var package = ModelPackage.Load(directory);
        Assert.Equal("int8", package.Manifest.WeightStorage);
        Assert.True(package.OnnxBytes.Length < 30_000_000, $"{package.OnnxBytes.Length} bytes");
        using var images = TestImages.Batch(spec, TestImages.Covid, TestImages.CovidOther);
        var onnx = OnnxRun.Outputs(Path.Combine(directory, ModelPackage.OnnxFileName), images);
        using var noGrad = torch.no_grad();
        var difference = OnnxRun.AssertClose(model.call(images), onnx["logits"], Int8LogitTolerance, "int8-kernel logits");
        output.WriteLine($"int8 kernels: {package.OnnxBytes.Length} bytes, max abs logit difference {difference:E2}");
    }

    [Fact]
    public void Manifest_for_another_architecture_is_refused()
    {
        using var model = TestModels.Create("resnet18");
        using var temp = new TempDirectory();
        var directory = temp.Path;

        var error = Assert.Throws<ArgumentException>(() =>
            ModelPackageWriter.Write(model, Manifest("densenet161", CntkResNet18Importer.Preprocessing), directory, float16Weights: false));

        Assert.Contains("densenet161", error.Message);
        Assert.False(File.Exists(Path.Combine(directory, ModelPackage.OnnxFileName)));
    }

    private static ModelManifest Manifest(string architecture, NCovNet.Core.Preprocessing.PreprocessingSpec spec) => new()
    {
        Name = "test",
        Version = "0.0.1",
        Architecture = architecture,
        Preprocessing = spec,
        Classes = ["covid", "other_pneumonia"],
        PositiveClass = "covid",
        Io = new ModelOutputs(),
        Training = new TrainingRecord { Data = "random weights", Licence = "none", Command = "test" },
        OnnxSha256 = "",
    };
}
