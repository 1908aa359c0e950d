using NCovNet.Core.Inference;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;
using NCovNet.Core.Tests.Fixtures;

namespace NCovNet.Core.Tests.Scanning;

public sealed class RadiographScannerLoadTests : IDisposable
{
    private readonly TestPackage _package = new();

    public void Dispose() => _package.Dispose();

    private EngineOptions Options => new()
    {
        ModelDirectory = _package.Directory,
        Inference = new InferenceOptions { Provider = ExecutionProvider.Cpu },
    };

    [Fact]
    public void A_package_with_a_flipped_byte_in_model_onnx_is_refused()
    {
        var bytes = File.ReadAllBytes(_package.OnnxPath);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(_package.OnnxPath, bytes);

        var e = Assert.Throws<ModelPackageException>(() => RadiographScanner.Load(Options));
        Assert.Contains("SHA-256", e.Message);
    }

    [Fact]
    public void A_missing_package_is_refused_with_the_folder_named()
    {
        Directory.Delete(_package.Directory, recursive: true);
        Directory.CreateDirectory(_package.Directory);

        var e = Assert.Throws<ModelPackageException>(() => RadiographScanner.Load(Options));
        Assert.Contains(_package.Directory, e.Message);
    }

    [Fact]
    public void An_opacity_outside_0_1_is_rejected_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RadiographScanner.Load(Options with { HeatmapOpacity = 1.2 }));
    }
}
