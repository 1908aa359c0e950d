using NCovNet.Server.Azurite;
using NCovNet.Tests;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>
/// One Azurite for the test run, started from the repository's node_modules (<see cref="NodePackages"/>
/// installs them when missing) on free loopback ports with its data in a temporary folder; stopped at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite is not started.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        NodePackages.EnsureInstalled();
        var data = Path.Combine(Path.GetTempPath(), "ncovnet-azurite-" + Guid.NewGuid().ToString("N"));
        _azurite = await AzuriteProcess.StartAsync(SharedData.RepoRoot, data, preferDefaultPorts: false, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is null)
        {
            return;
        }

        await _azurite.DisposeAsync();
        Directory.Delete(_azurite.DataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<TestModelFixture>
{
    public const string Name = "azurite";
}
