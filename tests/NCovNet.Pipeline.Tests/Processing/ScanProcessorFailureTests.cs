using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;

namespace NCovNet.Pipeline.Tests.Processing;

/// <summary>A storage failure in the middle of processing leaves nothing held: the retry finds the id free and scores it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScanProcessorFailureTests(AzuriteFixture azurite, TestModelFixture model) : IAsyncLifetime
{
    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_failed_look_for_an_existing_result_after_claiming_releases_the_claim_and_the_retry_scores()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var image = TestImages.Cxr(1)[0];
        await app.Storage.Input.GetBlobClient(image.Name).UploadAsync(BinaryData.FromBytes(image.Bytes));
        var scanId = ScanId.Of(image.Bytes);
        var resultRead = new DroppedConnection(message =>
            message.Request.Method == Azure.Core.RequestMethod.Get && message.Request.Uri.Path.EndsWith(StorageLayout.ResultBlob(scanId), StringComparison.Ordinal));
        var flakyStorage = resultRead.Storage(azurite.ConnectionString);
        var flakyStore = new ScanStore(flakyStorage);
        var processor = ActivatorUtilities.CreateInstance<ScanProcessor>(app.Services, flakyStorage, flakyStore, new ScanClaims(flakyStorage, flakyStore));

        await Assert.ThrowsAsync<IOException>(() => processor.ProcessAsync(image.Name, CancellationToken.None));

        Assert.True(resultRead.Dropped);
        var claim = await app.Storage.Results.GetBlobClient(StorageLayout.ClaimBlob(scanId)).GetPropertiesAsync();
        Assert.Equal(LeaseState.Available, claim.Value.LeaseState);
        var retry = await processor.ProcessAsync(image.Name, CancellationToken.None);
        Assert.Equal(ProcessingStatus.Scored, retry.Status);
    }
}
