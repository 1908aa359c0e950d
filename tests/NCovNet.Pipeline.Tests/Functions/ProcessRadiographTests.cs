using Azure.Storage.Blobs;
using NCovNet.Core.Scanning;
using NCovNet.Functions;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;
using NCovNet.Server.Bench;

namespace NCovNet.Pipeline.Tests.Functions;

/// <summary>The Functions app's blob trigger, called as Event Grid would deliver it (at least once), on real blobs in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProcessRadiographTests(AzuriteFixture azurite, TestModelFixture model) : IAsyncLifetime
{
    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_radiograph_and_dicom_delivered_twice_gets_exactly_one_result_equal_to_the_engines_and_no_patient_tag_is_stored_or_logged()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var images = TestImages.Cxr(12).Concat(TestImages.Dicom())
            .Append(new TestImages.Image("misc/empty.png", []))
            .Append(new TestImages.Image("misc/notes.txt", "not an image"u8.ToArray()))
            .ToList();
        var first = images[0];
        images.Add(first with { Name = "clinic-b/same-bytes-other-name.png" });
        var inputETags = await UploadAsync(app.Storage.Input, images);

        var function = app.Create<ProcessRadiograph>();
        // Each image twice, in an order fixed by the seed (string hashes change with every process).
        var deliveries = images.Concat(images).ToArray();
        new Random(20261208).Shuffle(deliveries);
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (image, _) =>
            await function.RunAsync(app.Storage.Input.GetBlobClient(image.Name)));

        var reader = new ResultReader(azurite.ConnectionString);
        using var reference = RadiographScanner.Load(new EngineOptions { ModelDirectory = model.Directory });
        foreach (var image in images)
        {
            var scanId = await reader.ScanIdForAsync(image.Name);
            Assert.Equal(ScanId.Of(image.Bytes), scanId);
            var record = await reader.RecordAsync(scanId!);
            Assert.NotNull(record);
            AssertSameResult(reference.Scan(image.Bytes).Result, record.Result, image.Name);
            Assert.Equal(record.Result.Status == ScanResult.Succeeded, record.HasHeatmaps);
        }

        var distinct = images.Select(image => ScanId.Of(image.Bytes)).Distinct().ToList();
        Assert.Equal(distinct.Count, (await reader.ResultBlobNamesAsync()).Count);
        Assert.All(distinct, id => Assert.Equal(1, app.Scanner.CallsByScanId[id]));
        Assert.Equal(inputETags, await ETagsAsync(app.Storage.Input));

        var tagsByFile = TestImages.Dicom().Select(image => DicomPatientTags.Values(image.Bytes)).ToList();
        Assert.True(tagsByFile.Count(tags => tags.Count > 0) >= 30, "the patient-tag check must see a name, id or birth date in most DICOM files");
        var patientTags = tagsByFile.SelectMany(tags => tags).Distinct().ToList();
        var stored = await StoredTextAsync(app.Storage.Results);
        var logged = string.Join('\n', app.Logs.Lines);
        Assert.All(patientTags, tag =>
        {
            Assert.DoesNotContain(tag, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(tag, logged, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Undecodable_inputs_end_as_failed_results_with_their_error_codes()
    {
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        var images = new[]
        {
            new TestImages.Image("bad/empty.dcm", []),
            new TestImages.Image("bad/report.pdf", "%PDF-1.7 not a radiograph"u8.ToArray()),
            new TestImages.Image("bad/truncated.png", TestImages.Cxr(1)[0].Bytes[..200]),
        };
        await UploadAsync(app.Storage.Input, images);
        var function = app.Create<ProcessRadiograph>();
        foreach (var image in images)
        {
            await function.RunAsync(app.Storage.Input.GetBlobClient(image.Name));
        }

        var reader = new ResultReader(azurite.ConnectionString);
        var codes = new List<string?>();
        foreach (var image in images)
        {
            var record = await reader.RecordAsync((await reader.ScanIdForAsync(image.Name))!);
            Assert.Equal(ScanResult.Failed, record!.Result.Status);
            Assert.False(record.HasHeatmaps);
            codes.Add(record.Result.Error?.Code);
        }

        Assert.Equal("empty", codes[0]);
        Assert.Equal("unknown-format", codes[1]);
        Assert.Contains(codes[2], new[] { "truncated", "malformed" });
    }

    [Fact]
    public async Task A_blob_over_the_size_limit_is_failed_as_too_many_bytes_without_being_scored()
    {
        var large = TestImages.Cxr(40).First(image => image.Bytes.Length > 150_000);
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory, maxImageBytes: 100_000);
        await UploadAsync(app.Storage.Input, [large]);

        await app.Create<ProcessRadiograph>().RunAsync(app.Storage.Input.GetBlobClient(large.Name));

        var record = await new ResultReader(azurite.ConnectionString).RecordAsync(ScanId.Of(large.Bytes));
        Assert.Equal("too-many-bytes", record!.Result.Error?.Code);
        Assert.Empty(app.Scanner.CallsByScanId);
    }

    [Fact]
    public async Task A_new_image_costs_seven_storage_calls_and_a_repeated_delivery_five_without_a_second_scan()
    {
        var image = TestImages.Cxr(1)[0];
        await using var app = await FunctionsAppHost.StartAsync(azurite.ConnectionString, model.Directory);
        await UploadAsync(app.Storage.Input, [image]);
        var function = app.Create<ProcessRadiograph>();
        var blobPort = app.Storage.Input.Uri.Port;

        // Read, name pointer, claim marker (created: a new id, so no result to look for), lease, two heatmaps, result; the lease is left to lapse.
        using (var calls = new HttpRequestCounter(port => port == blobPort))
        {
            await function.RunAsync(app.Storage.Input.GetBlobClient(image.Name));
            Assert.Equal(7, calls.Count);
        }

        // Read, name pointer, claim marker and lease both refused (the lease is still held), result found.
        using (var calls = new HttpRequestCounter(port => port == blobPort))
        {
            await function.RunAsync(app.Storage.Input.GetBlobClient(image.Name));
            Assert.Equal(5, calls.Count);
        }

        Assert.Equal(1, app.Scanner.CallsByScanId[ScanId.Of(image.Bytes)]);
    }

    internal static void AssertSameResult(ScanResult expected, ScanResult actual, string name)
    {
        Assert.True(expected.Status == actual.Status, $"{name}: expected {expected.Status} ({expected.Error?.Code}), stored {actual.Status} ({actual.Error?.Code})");
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.Error?.Code, actual.Error?.Code);
        Assert.Equal(expected.Probability is null, actual.Probability is null);
        if (expected.Probability is { } probability)
        {
            Assert.Equal(probability, actual.Probability!.Value, 1e-9);
        }
    }

    internal static async Task<Dictionary<string, string>> UploadAsync(BlobContainerClient input, IEnumerable<TestImages.Image> images)
    {
        await input.CreateIfNotExistsAsync();
        foreach (var image in images)
        {
            await input.GetBlobClient(image.Name).UploadAsync(BinaryData.FromBytes(image.Bytes), overwrite: true);
        }

        return await ETagsAsync(input);
    }

    private static async Task<string> StoredTextAsync(BlobContainerClient results)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var blob in results.GetBlobsAsync())
        {
            if (!blob.Name.EndsWith(".png", StringComparison.Ordinal))
            {
                text.AppendLine((await results.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
            }
        }

        return text.ToString();
    }

    private static async Task<Dictionary<string, string>> ETagsAsync(BlobContainerClient container)
    {
        var etags = new Dictionary<string, string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            etags[blob.Name] = blob.Properties.ETag.ToString()!;
        }

        return etags;
    }
}
