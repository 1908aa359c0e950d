using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;

namespace NCovNet.Pipeline.Tests.Processing;

/// <summary>
/// Failures in the middle of processing: a storage failure leaves nothing held (the retry finds
/// the id free and scores it); a scanner that throws ends as a stored internal-error result and
/// one dead letter an operator can list, not as retries.
/// </summary>
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
        // Seen before (as after an HTTP submit or an earlier attempt), so claiming is followed by a look for its result.
        await app.Services.GetRequiredService<ScanStore>().MarkPendingAsync(scanId, CancellationToken.None);
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

    [Fact]
    public async Task A_scanner_that_throws_stores_an_internal_error_result_and_one_dead_letter_naming_the_blob()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var image = TestImages.Cxr(1)[0];
        var blobName = "clinic-a/" + image.Name;
        await app.Storage.Input.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(image.Bytes));
        var scanId = ScanId.Of(image.Bytes);
        var processor = ActivatorUtilities.CreateInstance<ScanProcessor>(app.Services, (IRadiographScanner)new ThrowingScanner(app.Scanner.Model));
        var deadLetters = app.Services.GetRequiredService<DeadLetters>();
        Assert.Empty(await deadLetters.PeekAsync(CancellationToken.None));

        var outcome = await processor.ProcessAsync(blobName, CancellationToken.None);
        var again = await processor.ProcessAsync(blobName, CancellationToken.None);

        Assert.Equal((ProcessingStatus.Scored, scanId), (outcome.Status, outcome.ScanId));
        Assert.Equal(ProcessingStatus.AlreadyScored, again.Status);
        var record = await new ResultReader(azurite.ConnectionString).RecordAsync(scanId);
        Assert.NotNull(record);
        Assert.Equal(ScanResult.Failed, record.Result.Status);
        Assert.Equal(FailedResults.InternalErrorCode, record.Result.Error?.Code);
        Assert.False(record.HasHeatmaps);
        var letter = Assert.Single(await deadLetters.PeekAsync(CancellationToken.None));
        Assert.Equal((blobName, scanId, FailedResults.InternalErrorCode, nameof(InvalidOperationException)), (letter.Blob, letter.ScanId, letter.Code, letter.Message));
        Assert.Contains(app.Logs.Lines, line => line.Contains(scanId, StringComparison.Ordinal) && line.Contains("dead-lettered", StringComparison.Ordinal));
    }

    private sealed class ThrowingScanner(ModelManifest model) : IRadiographScanner
    {
        public ModelManifest Model => model;

        public ScanOutcome Scan(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("a scanner bug");

        public IReadOnlyList<ScanOutcome> ScanBatch(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("a scanner bug");
    }
}
