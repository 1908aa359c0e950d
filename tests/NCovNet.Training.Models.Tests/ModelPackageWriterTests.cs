using NCovNet.Core.Models;
using NCovNet.Training.Models.Cntk;
using TorchSharp;

namespace NCovNet.Training.Models.Tests;

public class ModelPackageWriterTests
{
    [Fact]
    public void Written_package_loads_with_a_verified_hash_and_scores_like_the_model()
    {
        using var model = TestModels.Create("densenet121");
        var directory = Path.GetDirectoryName(TestModels.TempPath("x"))!;
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
    public void Manifest_for_another_architecture_is_refused()
    {
        using var model = TestModels.Create("resnet18");
        var directory = Path.GetDirectoryName(TestModels.TempPath("x"))!;

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
