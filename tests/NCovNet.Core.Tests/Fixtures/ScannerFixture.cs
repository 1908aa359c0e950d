using NCovNet.Core.Inference;
using NCovNet.Core.Scanning;

namespace NCovNet.Core.Tests.Fixtures;

/// <summary>One CPU scanner over the default <see cref="TestModel"/>, shared by a test class.</summary>
public sealed class ScannerFixture : IDisposable
{
    public ScannerFixture()
    {
        Package = new TestPackage();
        Options = new EngineOptions
        {
            ModelDirectory = Package.Directory,
            Inference = new InferenceOptions { Provider = ExecutionProvider.Cpu, MaxBatchSize = 4 },
        };
        Scanner = RadiographScanner.Load(Options);
    }

    public TestPackage Package { get; }

    public EngineOptions Options { get; }

    public RadiographScanner Scanner { get; }

    public void Dispose()
    {
        Scanner.Dispose();
        Package.Dispose();
    }
}
