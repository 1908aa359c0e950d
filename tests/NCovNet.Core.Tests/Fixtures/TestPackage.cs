using NCovNet.Core.Models;

namespace NCovNet.Core.Tests.Fixtures;

/// <summary>A <see cref="TestModel"/> written as a model package into a temporary folder.</summary>
public sealed class TestPackage : IDisposable
{
    public TestPackage(TestModel? model = null, double threshold = 0.5)
    {
        Model = model ?? TestModel.Create();
        Directory = System.IO.Directory.CreateTempSubdirectory("ncovnet-model-").FullName;
        Manifest = Model.WritePackage(Directory, threshold);
    }

    public TestModel Model { get; }

    public string Directory { get; }

    public ModelManifest Manifest { get; }

    public string OnnxPath => Path.Combine(Directory, ModelPackage.OnnxFileName);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
