using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Tests.Fixtures;
using NCovNet.Server.Bench;
using NCovNet.Tests;
using Xunit.Abstractions;

namespace NCovNet.Pipeline.Tests.Server;

/// <summary>
/// 200 real radiographs uploaded at once are all scored by the local server (loopback only, bounded,
/// stops by itself). The numbers are printed, never asserted: speed is a benchmark's business
/// (<c>dotnet run --project src/NCovNet.Server -c Release -- --bench ../shared/data/cxr</c>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LoadTests(AzuriteFixture azurite, TestModelFixture model, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_hundred_images_uploaded_at_once_are_all_scored()
    {
        var images = Directory.EnumerateFiles(Path.Combine(SharedData.Cxr, "images")).Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes).DistinctBy(bytes => Pipeline.Processing.ScanId.Of(bytes)).Take(200).ToList();
        Assert.Equal(200, images.Count);

        var report = await BenchCommand.RunAsync(azurite.ConnectionString, [$"--Pipeline:ModelPath={model.Directory}"], images, concurrency: 8, requests: 200, measureBare: false);

        output.WriteLine(report.ToString());
        Assert.Equal(200, report.Scored);
        Assert.Equal(200, report.GetRequests);

        // The upload, the blob trigger's own calls (scan, receipt, queue) and the pipeline's eight: a bound on what each image costs in storage transactions.
        Assert.InRange(report.StorageRequestsPerImage, 9, 30);

        // A second run on the same account would time result lookups, not scans: refused, and says why.
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BenchCommand.RunAsync(azurite.ConnectionString, [$"--Pipeline:ModelPath={model.Directory}"], [images[0], images[1], images[^1]], concurrency: 1, requests: 1, measureBare: false));
        Assert.StartsWith("3 of the 3 images already have results", again.Message, StringComparison.Ordinal);
    }
}
