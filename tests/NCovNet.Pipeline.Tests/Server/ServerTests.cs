using System.Net;
using System.Net.Http.Headers;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;
using NCovNet.Pipeline.Tests.Functions;
using NCovNet.Server;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace NCovNet.Pipeline.Tests.Server;

/// <summary>The local server over real HTTP on loopback, ingesting through the WebJobs SDK blob trigger against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServerTests(AzuriteFixture azurite, TestModelFixture model) : IAsyncLifetime
{
    private static readonly TimeSpan ScoringTimeout = TimeSpan.FromSeconds(120);

    private BlobContainerClient Input => new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageLayout.InputContainer);

    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Dropped_blobs_are_scored_by_the_blob_trigger_and_served_over_http_with_the_api_key()
    {
        var scanner = NewScanner();
        await using var server = await ServerHost.StartAsync(azurite.ConnectionString, scanner);
        var images = TestImages.Cxr(6).Concat(TestImages.Dicom().Take(3)).ToList();
        await ProcessRadiographTests.UploadAsync(Input, images);

        var records = await new ResultReader(azurite.ConnectionString).WaitForAllAsync(images.Select(i => i.Name), ScoringTimeout);

        Assert.Equal(images.Count, records.Count);
        var succeeded = records.Values.First(r => r.Result.Status == ScanResult.Succeeded);
        using var result = await server.Client.GetAsync($"/api/scans/{succeeded.Id}");
        using var overlay = await server.Client.GetAsync($"/api/scans/{succeeded.Id}/heatmap");
        using var map = await server.Client.GetAsync($"/api/scans/{succeeded.Id}/heatmap?kind=map");
        using var health = await server.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains(succeeded.Id, await result.Content.ReadAsStringAsync());
        Assert.Equal("image/png", overlay.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/png", map.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Calls_without_the_right_key_are_refused()
    {
        await using var server = await ServerHost.StartAsync(azurite.ConnectionString, NewScanner());
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        using var wrongKey = new HttpClient { BaseAddress = server.BaseAddress };
        wrongKey.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/model")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/scans", new ByteArrayContent(TestImages.Cxr(1)[0].Bytes))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/model?code={ServerHost.ApiKey}")).StatusCode);
    }

    [Theory]
    [InlineData("--urls=http://0.0.0.0:{0}")]
    [InlineData("--Kestrel:Endpoints:Http:Url=http://0.0.0.0:{0}")]
    public async Task Listening_beyond_loopback_without_a_key_is_refused_at_start_and_the_port_closed(string listen)
    {
        var port = FreePort();
        string[] args = [string.Format(System.Globalization.CultureInfo.InvariantCulture, listen, port), $"--{StorageConnection.DefaultName}={azurite.ConnectionString}"];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SupervisedServer.StartAsync(args, services => services.AddSingleton<IRadiographScanner>(NewScanner())));

        Assert.Contains("API key", error.Message);
        using var probe = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task An_oversized_upload_over_http_is_refused_with_413()
    {
        await using var server = await ServerHost.StartAsync(azurite.ConnectionString, NewScanner(), maxImageBytes: 64 * 1024);
        var content = new ByteArrayContent(new byte[1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await server.Client.PostAsync("/api/scans", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Azurite_restarted_mid_batch_loses_nothing_and_scores_nothing_twice()
    {
        var scanner = NewScanner();
        await using var server = await ServerHost.StartAsync(azurite.ConnectionString, scanner);
        var images = TestImages.Cxr(24);
        var reader = new ResultReader(azurite.ConnectionString);
        await ProcessRadiographTests.UploadAsync(Input, images);
        await WaitUntilAsync(() => scanner.CallsByScanId.Count >= 4);

        await azurite.Azurite.RestartAsync(CancellationToken.None);

        var records = await reader.WaitForAllAsync(images.Select(i => i.Name), ScoringTimeout);
        Assert.Equal(images.Count, records.Count);
        AssertEachScoredOnce(scanner, images);
    }

    [Fact]
    public async Task Server_stopped_mid_batch_and_restarted_loses_nothing_and_scores_nothing_twice()
    {
        var scanner = NewScanner();
        var images = TestImages.Cxr(24);
        var reader = new ResultReader(azurite.ConnectionString);
        await using (var first = await ServerHost.StartAsync(azurite.ConnectionString, scanner))
        {
            await ProcessRadiographTests.UploadAsync(Input, images);
            await WaitUntilAsync(() => scanner.CallsByScanId.Count >= 4);
            await first.StopAsync();
        }

        Assert.True(scanner.CallsByScanId.Count < images.Count, "the first host finished the whole batch before it was stopped");
        await using var second = await ServerHost.StartAsync(azurite.ConnectionString, scanner);
        var records = await reader.WaitForAllAsync(images.Select(i => i.Name), ScoringTimeout);

        Assert.Equal(images.Count, records.Count);
        AssertEachScoredOnce(scanner, images);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private CountingScanner NewScanner() => new(RadiographScanner.Load(new EngineOptions { ModelDirectory = model.Directory }));

    private static void AssertEachScoredOnce(CountingScanner scanner, IEnumerable<TestImages.Image> images)
    {
        var ids = images.Select(image => ScanId.Of(image.Bytes)).Distinct().ToList();
        Assert.Equal(ids.Count, scanner.CallsByScanId.Count);
        Assert.All(ids, id => Assert.Equal(1, scanner.CallsByScanId[id]));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + ScoringTimeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the batch to start");
            await Task.Delay(50);
        }
    }
}
