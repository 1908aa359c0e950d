using NCovNet.Core.Models;
using NCovNet.Core.Preprocessing;

namespace NCovNet.Core.Tests.Models;

public sealed class ModelPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ncovnet-pkg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ModelManifest WritePackage(PreprocessingSpec? spec = null)
    {
        File.WriteAllBytes(Path.Combine(_dir, ModelPackage.OnnxFileName), [1, 2, 3, 4]);
        return ModelPackage.WriteManifest(_dir, new ModelManifest
        {
            Name = "test",
            Version = "0.0.1",
            Architecture = "resnet18",
            Preprocessing = spec ?? PreprocessingSpec.ImageNet(224),
            Classes = ["covid", "other_pneumonia"],
            PositiveClass = "covid",
            Io = new ModelOutputs(),
            Training = new TrainingRecord { Data = "none", Licence = "none", Command = "none" },
            OnnxSha256 = "",
        });
    }

    [Fact]
    public void Load_round_trips_the_manifest_and_verifies_the_hash()
    {
        var written = WritePackage();

        var package = ModelPackage.Load(_dir);

        Assert.Equal("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a", written.OnnxSha256);
        Assert.Equal(written.OnnxSha256, package.Manifest.OnnxSha256);
        Assert.Equal("jet", package.Manifest.Preprocessing.ColorMap);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, package.OnnxBytes.ToArray());
    }

    [Fact]
    public void Load_refuses_a_modified_onnx_file()
    {
        WritePackage();
        File.WriteAllBytes(Path.Combine(_dir, ModelPackage.OnnxFileName), [1, 2, 3, 5]);

        var e = Assert.Throws<ModelPackageException>(() => ModelPackage.Load(_dir));
        Assert.Contains("SHA-256", e.Message);
    }

    [Fact]
    public void Load_refuses_preprocessing_the_server_does_not_implement()
    {
        WritePackage(PreprocessingSpec.ImageNet(224) with { ColorMap = "viridis" });

        var e = Assert.Throws<ModelPackageException>(() => ModelPackage.Load(_dir));
        Assert.Contains("colorMap 'viridis'", e.Message);
    }

    [Fact]
    public void Load_refuses_a_missing_or_garbled_manifest()
    {
        File.WriteAllBytes(Path.Combine(_dir, ModelPackage.OnnxFileName), [1]);
        Assert.Throws<ModelPackageException>(() => ModelPackage.Load(_dir));

        File.WriteAllText(Path.Combine(_dir, ModelPackage.ManifestFileName), "{ not json");
        Assert.Throws<ModelPackageException>(() => ModelPackage.Load(_dir));
    }
}
