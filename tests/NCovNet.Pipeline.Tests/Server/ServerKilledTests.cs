using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;
using NCovNet.Pipeline.Tests.Functions;

namespace NCovNet.Pipeline.Tests.Server;

/// <summary>
/// The server process killed (SIGKILL) mid-batch and started again: every image ends with one
/// result well before the trigger's 10-minute redelivery (the scans in flight are finished by the
/// new process's recovery pass), and nothing finished before the kill is scored again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServerKilledTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(150);

    // Short claims, so that the dead process's leases lapse quickly; eight workers on the test
    // machine's cores, so that each scan takes long enough to be caught in flight by the kill.
    private static readonly string[] Settings = ["--Pipeline:ClaimDuration=00:00:15", "--Server:MaxDegreeOfParallelism=8"];

    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Killed_mid_batch_and_restarted_finishes_the_scans_in_flight_at_once_and_rescores_nothing()
    {
        var images = TestImages.Cxr(60);
        var results = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageLayout.ResultsContainer);
        var input = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageLayout.InputContainer);
        await results.CreateIfNotExistsAsync();
        Snapshot atKill;
        await using (var first = ServerProcess.Start(azurite.ConnectionString, Settings))
        {
            await ProcessRadiographTests.UploadAsync(input, images);
            await WaitUntilAsync(async () => await SnapshotAsync() is { Finished.Count: >= 3, InFlight.Count: >= 2 }, first);
            await first.KillAsync();

            // Azurite may still commit an upload it had received in full before the kill.
            await Task.Delay(TimeSpan.FromSeconds(2));
            atKill = await SnapshotAsync();
        }

        Assert.NotEmpty(atKill.InFlight);
        Assert.True(atKill.Finished.Count < images.Count, "the first process finished the batch before it was killed");

        await using var second = ServerProcess.Start(azurite.ConnectionString, Settings);
        var records = await new ResultReader(azurite.ConnectionString).WaitForAllAsync(images.Select(image => image.Name), Timeout);

        Assert.Equal(images.Count, records.Count);
        var ids = images.Select(image => ScanId.Of(image.Bytes)).ToHashSet();
        Assert.Equal(ids.Count, (await SnapshotAsync()).Finished.Count);
        // Each log line follows its result's write, through the console logger's queue and a pipe.
        await WaitUntilAsync(() => Task.FromResult(atKill.Finished.Union(second.ScoredIds).Count() == ids.Count), second);
        var rescored = second.ScoredIds;
        Assert.Empty(rescored.Intersect(atKill.Finished));
        Assert.Equal(rescored.Count, rescored.Distinct().Count());
        Assert.Equal(ids, atKill.Finished.Union(rescored).ToHashSet());
        Assert.Subset(second.RecoveredIds.ToHashSet(), atKill.InFlight);
    }

    /// <summary>Ids with a result, and ids a name points at without one (a worker had begun them).</summary>
    private async Task<Snapshot> SnapshotAsync()
    {
        // Pointers first: a scan finishing between the two listings counts as finished, not in flight.
        var storage = new PipelineStorage(new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString));
        var begun = (await new ScanStore(storage).PointersAsync(CancellationToken.None)).Select(pointer => pointer.ScanId!).ToHashSet(StringComparer.Ordinal);
        var finished = (await new ResultReader(azurite.ConnectionString).ScanIdsWithResultAsync()).ToHashSet(StringComparer.Ordinal);
        begun.ExceptWith(finished);
        return new Snapshot(finished, begun);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, ServerProcess server)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out; the server's output:\n" + server.Output);
            await Task.Delay(25);
        }
    }

    private sealed record Snapshot(HashSet<string> Finished, HashSet<string> InFlight);
}
