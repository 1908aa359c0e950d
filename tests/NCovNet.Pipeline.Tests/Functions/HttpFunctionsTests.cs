using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;
using NCovNet.Functions;
using NCovNet.Pipeline.Http;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;

namespace NCovNet.Pipeline.Tests.Functions;

/// <summary>The Functions app's HTTP functions through their public methods, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpFunctionsTests(AzuriteFixture azurite, TestModelFixture model) : IAsyncLifetime
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Posting_with_wait_returns_the_result_which_get_and_both_heatmaps_then_serve()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var image = TestImages.Cxr(3)[1];

        var posted = await app.ExecuteAsync(await app.Create<SubmitScan>().RunAsync(app.Request("POST", image.Bytes, "?wait=true"), CancellationToken.None));

        Assert.Equal(200, posted.Status);
        var record = JsonSerializer.Deserialize<ScanRecord>(posted.Body, ModelJson.Options)!;
        Assert.Equal(ScanId.Of(image.Bytes), record.Id);
        Assert.Equal(ScanResult.Succeeded, record.Result.Status);

        var fetched = await app.ExecuteAsync(await app.Create<GetScan>().RunAsync(app.Request("GET"), record.Id, CancellationToken.None));
        Assert.Equal(200, fetched.Status);
        Assert.Equal(posted.Text, fetched.Text);

        var heatmaps = app.Create<GetScanHeatmap>();
        var overlay = await app.ExecuteAsync(await heatmaps.RunAsync(app.Request("GET"), record.Id, CancellationToken.None));
        var map = await app.ExecuteAsync(await heatmaps.RunAsync(app.Request("GET", query: "?kind=map"), record.Id, CancellationToken.None));
        Assert.Equal(("image/png", "image/png"), (overlay.ContentType, map.ContentType));
        Assert.Equal(PngSignature, overlay.Body[..4]);
        Assert.Equal(PngSignature, map.Body[..4]);
        Assert.NotEqual(overlay.Body, map.Body);

        // The upload went through the input container like any clinic upload; its trigger run finds the result and stops.
        var upload = StorageLayout.UploadBlob(record.Id, ImageFormatSniffer.Extension(image.Bytes)!);
        await app.Create<ProcessRadiograph>().RunAsync(app.Storage.Input.GetBlobClient(upload));
        Assert.Equal(1, app.Scanner.CallsByScanId[record.Id]);
    }

    [Fact]
    public async Task Posting_without_wait_answers_202_with_a_location_that_resolves_once_the_trigger_ran()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var image = TestImages.Cxr(3)[2];

        var accepted = await app.ExecuteAsync(await app.Create<SubmitScan>().RunAsync(app.Request("POST", image.Bytes), CancellationToken.None));
        var scanId = ScanId.Of(image.Bytes);
        Assert.Equal(202, accepted.Status);
        Assert.Equal($"/api/scans/{scanId}", accepted.Location);

        var getScan = app.Create<GetScan>();
        Assert.Equal(202, (await app.ExecuteAsync(await getScan.RunAsync(app.Request("GET"), scanId, CancellationToken.None))).Status);

        await app.Create<ProcessRadiograph>().RunAsync(app.Storage.Input.GetBlobClient(StorageLayout.UploadBlob(scanId, ImageFormatSniffer.Extension(image.Bytes)!)));
        Assert.Equal(200, (await app.ExecuteAsync(await getScan.RunAsync(app.Request("GET"), scanId, CancellationToken.None))).Status);
    }

    [Fact]
    public async Task A_post_whose_upload_fails_leaves_the_id_unknown_rather_than_pending_for_ever()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var image = TestImages.Cxr(3)[0];
        var uploadDrop = new DroppedConnection(message =>
            message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.Contains($"/{StorageLayout.InputContainer}/", StringComparison.Ordinal));
        var submit = ActivatorUtilities.CreateInstance<SubmitScanHandler>(app.Services, uploadDrop.Storage(azurite.ConnectionString));

        await Assert.ThrowsAsync<IOException>(() => submit.HandleAsync(app.Request("POST", image.Bytes), CancellationToken.None));

        var fetched = await app.ExecuteAsync(await app.Create<GetScan>().RunAsync(app.Request("GET"), ScanId.Of(image.Bytes), CancellationToken.None));
        Assert.True(uploadDrop.Dropped);
        Assert.Equal((404, "scan-not-found"), (fetched.Status, Code(fetched)));
    }

    [Fact]
    public async Task Heatmaps_stored_ahead_of_the_result_are_not_served_while_the_scan_is_pending()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var image = TestImages.Cxr(3)[1];
        var scanId = ScanId.Of(image.Bytes);
        var store = app.Services.GetRequiredService<ScanStore>();
        await store.MarkPendingAsync(scanId, CancellationToken.None);
        await store.WriteHeatmapsAsync(scanId, app.Scanner.Scan(image.Bytes).Heatmaps!, CancellationToken.None);

        var heatmap = await app.ExecuteAsync(await app.Create<GetScanHeatmap>().RunAsync(app.Request("GET"), scanId, CancellationToken.None));
        var scan = await app.ExecuteAsync(await app.Create<GetScan>().RunAsync(app.Request("GET"), scanId, CancellationToken.None));

        Assert.Equal((404, "heatmap-not-found"), (heatmap.Status, Code(heatmap)));
        Assert.Equal(202, scan.Status);
    }

    [Theory]
    [InlineData("../../scan-results/names/x")]
    [InlineData("scans%2F..%2Fresult.json")]
    [InlineData("0123456789abcdef")]
    [InlineData("g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task Ids_that_are_not_64_hex_digits_are_refused_with_problem_details(string id)
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);

        var response = await app.ExecuteAsync(await app.Create<GetScan>().RunAsync(app.Request("GET"), id, CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("invalid-scan-id", JsonDocument.Parse(response.Body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_ids_heatmap_kinds_and_non_images_get_their_problem_codes()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var unknown = new string('a', 64);

        var missing = await app.ExecuteAsync(await app.Create<GetScan>().RunAsync(app.Request("GET"), unknown, CancellationToken.None));
        var badKind = await app.ExecuteAsync(await app.Create<GetScanHeatmap>().RunAsync(app.Request("GET", query: "?kind=raw"), unknown, CancellationToken.None));
        var notImage = await app.ExecuteAsync(await app.Create<SubmitScan>().RunAsync(app.Request("POST", "hello"u8.ToArray()), CancellationToken.None));
        var empty = await app.ExecuteAsync(await app.Create<SubmitScan>().RunAsync(app.Request("POST", []), CancellationToken.None));

        Assert.Equal((404, "scan-not-found"), (missing.Status, Code(missing)));
        Assert.Equal((400, "invalid-heatmap-kind"), (badKind.Status, Code(badKind)));
        Assert.Equal((415, "unknown-format"), (notImage.Status, Code(notImage)));
        Assert.Equal((400, "empty"), (empty.Status, Code(empty)));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_from_its_content_length_before_any_byte_is_read()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory, maxImageBytes: 1024 * 1024);
        var request = app.Request("POST");
        var body = new UnreadableStream();
        request.Body = body;
        request.ContentLength = 1024L * 1024 * 1024;

        var response = await app.ExecuteAsync(await app.Create<SubmitScan>().RunAsync(request, CancellationToken.None));

        Assert.Equal((413, "too-many-bytes"), (response.Status, Code(response)));
        Assert.False(body.WasRead);
    }

    [Fact]
    public async Task A_body_shorter_than_its_declared_length_is_scored_as_sent()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var image = TestImages.Cxr(3)[0];
        var request = app.Request("POST", image.Bytes, "?wait=true");
        request.ContentLength = image.Bytes.Length + (1024 * 1024);

        var posted = await app.ExecuteAsync(await app.Create<SubmitScan>().RunAsync(request, CancellationToken.None));

        Assert.Equal(200, posted.Status);
        var record = JsonSerializer.Deserialize<ScanRecord>(posted.Body, ModelJson.Options)!;
        Assert.Equal(ScanId.Of(image.Bytes), record.Id);
        using var reference = RadiographScanner.Load(new EngineOptions { ModelDirectory = model.Directory });
        Assert.Equal(reference.Scan(image.Bytes).Result.Probabilities, record.Result.Probabilities);
    }

    [Fact]
    public async Task A_chunked_body_is_cut_off_once_it_passes_the_limit()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory, maxImageBytes: 64 * 1024);
        var request = app.Request("POST");
        var body = new EndlessStream();
        request.Body = body;

        var response = await app.ExecuteAsync(await app.Create<SubmitScan>().RunAsync(request, CancellationToken.None));

        Assert.Equal(413, response.Status);
        Assert.InRange(body.BytesRead, 64 * 1024, (64 * 1024) + (81920 * 2));
    }

    [Fact]
    public async Task Model_card_and_health_describe_the_served_model()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);

        var card = await app.ExecuteAsync(app.Create<GetModelCard>().Run(app.Request("GET")));
        var health = await app.ExecuteAsync(await app.Create<GetHealth>().RunAsync(app.Request("GET"), CancellationToken.None));

        Assert.Equal(200, card.Status);
        var manifest = JsonSerializer.Deserialize<ModelManifest>(card.Body, ModelJson.Options)!;
        Assert.Equal(app.Scanner.Model.OnnxSha256, manifest.OnnxSha256);
        Assert.Equal(200, health.Status);
        Assert.Equal("healthy", JsonDocument.Parse(health.Body).RootElement.GetProperty("status").GetString());
    }

    private static string? Code(CapturedResponse response) => JsonDocument.Parse(response.Body).RootElement.GetProperty("code").GetString();

    private sealed class UnreadableStream : MemoryStream
    {
        public bool WasRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Fail();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Fail());

        private int Fail()
        {
            WasRead = true;
            return 0;
        }
    }

    private sealed class EndlessStream : MemoryStream
    {
        public long BytesRead { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill(0x42);
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }
    }
}
