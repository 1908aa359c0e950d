using NCovNet.Core.Tests.Fixtures;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>The engine's small real test CNN as a model package in a temporary folder, for the whole test run.</summary>
public sealed class TestModelFixture : IDisposable
{
    private readonly TestPackage _package = new();

    public string Directory => _package.Directory;

    public void Dispose() => _package.Dispose();
}
