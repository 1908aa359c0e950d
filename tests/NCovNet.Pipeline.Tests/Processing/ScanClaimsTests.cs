using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;

namespace NCovNet.Pipeline.Tests.Processing;

/// <summary>Claims on real Azurite leases: a live holder keeps its claim past the lease duration, a released one is free at once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScanClaimsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(15);

    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_claim_held_longer_than_its_lease_is_renewed_and_still_refused_to_others_then_free_once_disposed()
    {
        var storage = new PipelineStorage(new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString));
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var claims = new ScanClaims(storage, new ScanStore(storage));
        const string scanId = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

        var claim = await claims.TryAcquireAsync(scanId, ShortestLease, CancellationToken.None);
        Assert.NotNull(claim);
        try
        {
            await Task.Delay(ShortestLease + TimeSpan.FromSeconds(3));

            Assert.Null(await claims.TryAcquireAsync(scanId, ShortestLease, CancellationToken.None));
            Assert.InRange(claim.Renewals, 2, 3);
            Assert.False(claim.Lost);
        }
        finally
        {
            await claim.DisposeAsync();
        }
        await using var next = await claims.TryAcquireAsync(scanId, ShortestLease, CancellationToken.None);
        Assert.NotNull(next);
    }
}
