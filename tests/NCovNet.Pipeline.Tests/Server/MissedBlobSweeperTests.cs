using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;
using NCovNet.Pipeline.Tests.Functions;
using NCovNet.Server;

namespace NCovNet.Pipeline.Tests.Server;

/// <summary>
/// The emulator-only sweep under the WebJobs blob trigger: a blob no trigger saw is scored once it
/// has settled; a blob with a names/ pointer, or one the real trigger has a receipt for, is left
/// alone. The sweeps run on the Functions app's services (no trigger), so whatever they score,
/// they scored.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MissedBlobSweeperTests(AzuriteFixture azurite, TestModelFixture model) : IAsyncLifetime
{
    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Azurite_is_recognised_as_the_emulator_and_an_account_endpoint_is_not()
    {
        Assert.True(EmulatorStorage.Hosts(new BlobContainerClient(azurite.ConnectionString, StorageLayout.InputContainer)));
        Assert.True(EmulatorStorage.Hosts(new BlobContainerClient("UseDevelopmentStorage=true", StorageLayout.InputContainer)));
        var account = "DefaultEndpointsProtocol=https;AccountName=clinicstore;AccountKey=" + Convert.ToBase64String(new byte[64]) + ";EndpointSuffix=core.windows.net";
        Assert.False(EmulatorStorage.Hosts(new BlobContainerClient(account, StorageLayout.InputContainer)));
    }

    [Fact]
    public async Task A_settled_blob_without_a_pointer_is_scored_once_and_a_pointed_blob_is_left_alone()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var images = TestImages.Cxr(2);
        foreach (var image in images)
        {
            await app.Storage.Input.GetBlobClient(image.Name).UploadAsync(BinaryData.FromBytes(image.Bytes));
        }

        var store = app.Services.GetRequiredService<ScanStore>();
        var pointedId = ScanId.Of(images[1].Bytes);
        await store.PointNameAsync(images[1].Name, pointedId, CancellationToken.None);

        var sweeper = new MissedBlobSweeper(
            app.Storage, app.Services.GetRequiredService<ScanStore>(), new BlobTriggerReceipts(app.Storage), app.Services.GetRequiredService<ScanProcessor>(), Options.Create(new ServerOptions()), new LaterClock(MissedBlobSweeper.SettleTime * 2), NullLogger<MissedBlobSweeper>.Instance);
        await sweeper.StartAsync(CancellationToken.None);
        var missedId = ScanId.Of(images[0].Bytes);
        var deadline = DateTime.UtcNow + (MissedBlobSweeper.Interval * 4);
        while (await store.GetRecordAsync(missedId, CancellationToken.None) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        // One more full interval: a second sweep must not score anything again.
        await Task.Delay(MissedBlobSweeper.Interval + TimeSpan.FromSeconds(1));
        await sweeper.StopAsync(CancellationToken.None);

        Assert.NotNull(await store.GetRecordAsync(missedId, CancellationToken.None));
        Assert.Equal(1, app.Scanner.CallsByScanId[missedId]);
        Assert.False(app.Scanner.CallsByScanId.ContainsKey(pointedId));
        Assert.Null(await store.GetRecordAsync(pointedId, CancellationToken.None));
    }

    [Fact]
    public async Task Blobs_the_real_trigger_has_receipts_for_are_left_to_it_even_without_a_pointer()
    {
        var images = TestImages.Cxr(3);
        var scanner = new CountingScanner(RadiographScanner.Load(new EngineOptions { ModelDirectory = model.Directory }));
        await using (var server = await ServerHost.StartAsync(azurite.ConnectionString, scanner))
        {
            await ProcessRadiographTests.UploadAsync(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageLayout.InputContainer), images);
            var scored = await new ResultReader(azurite.ConnectionString).WaitForAllAsync(images.Select(image => image.Name), TimeSpan.FromSeconds(120));
            Assert.Equal(images.Count, scored.Count);
        }

        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var store = app.Services.GetRequiredService<ScanStore>();
        foreach (var image in images)
        {
            await app.Storage.Results.DeleteBlobAsync(StorageLayout.NamePointerBlob(image.Name));
        }

        var sweeper = new MissedBlobSweeper(
            app.Storage, app.Services.GetRequiredService<ScanStore>(), new BlobTriggerReceipts(app.Storage), app.Services.GetRequiredService<ScanProcessor>(), Options.Create(new ServerOptions()), new LaterClock(MissedBlobSweeper.SettleTime * 2), NullLogger<MissedBlobSweeper>.Instance);
        await sweeper.StartAsync(CancellationToken.None);
        await Task.Delay((MissedBlobSweeper.Interval * 2) + TimeSpan.FromSeconds(1));
        await sweeper.StopAsync(CancellationToken.None);

        // Had the sweep taken any of them, it would have written its pointer again.
        foreach (var image in images)
        {
            Assert.Null(await store.ResolveNameAsync(image.Name, CancellationToken.None));
        }

        Assert.Empty(app.Scanner.CallsByScanId);
    }

    [Fact]
    public async Task A_sweep_that_fails_with_a_dropped_connection_is_logged_and_the_next_sweep_scores_the_blob()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var image = TestImages.Cxr(1)[0];
        await app.Storage.Input.GetBlobClient(image.Name).UploadAsync(BinaryData.FromBytes(image.Bytes));
        var connectionDrop = DroppedConnection.OnFirstRequest();
        var flakyStorage = connectionDrop.Storage(azurite.ConnectionString);
        var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));

        var sweeper = new MissedBlobSweeper(
            flakyStorage, new ScanStore(flakyStorage), new BlobTriggerReceipts(flakyStorage), app.Services.GetRequiredService<ScanProcessor>(), Options.Create(new ServerOptions()), new LaterClock(MissedBlobSweeper.SettleTime * 2), loggers.CreateLogger<MissedBlobSweeper>());
        await sweeper.StartAsync(CancellationToken.None);
        var scanId = ScanId.Of(image.Bytes);
        var store = app.Services.GetRequiredService<ScanStore>();
        var deadline = DateTime.UtcNow + (MissedBlobSweeper.Interval * 5);
        while (await store.GetRecordAsync(scanId, CancellationToken.None) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await sweeper.StopAsync(CancellationToken.None);

        Assert.True(connectionDrop.Dropped);
        Assert.Contains(logs.Lines, line => line.Contains("Sweep of the input container failed (IOException", StringComparison.Ordinal));
        Assert.NotNull(await store.GetRecordAsync(scanId, CancellationToken.None));
    }

    /// <summary>The real clock, ahead by a fixed offset: every blob uploaded now looks settled.</summary>
    private sealed class LaterClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
