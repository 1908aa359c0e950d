using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Processing;

namespace NCovNet.Pipeline.Storage;

/// <summary>Reads and writes the results container (see <see cref="StorageLayout"/>).</summary>
public sealed class ScanStore(PipelineStorage storage)
{
    private static readonly BlobUploadOptions CreateOnly = new() { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };

    private BlobContainerClient Results => storage.Results;

    public async Task<string?> GetRecordJsonAsync(string scanId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Results.GetBlobClient(StorageLayout.ResultBlob(scanId)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> HasRecordAsync(string scanId, CancellationToken cancellationToken) =>
        await Results.GetBlobClient(StorageLayout.ResultBlob(scanId)).ExistsAsync(cancellationToken);

    public async Task<ScanRecord?> GetRecordAsync(string scanId, CancellationToken cancellationToken)
    {
        var json = await GetRecordJsonAsync(scanId, cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ScanRecord>(json, ModelJson.Options);
    }

    /// <summary>Stores the result unless one exists. False means another delivery stored it first.</summary>
    public async Task<bool> TryWriteRecordAsync(ScanRecord record, CancellationToken cancellationToken)
    {
        var blob = Results.GetBlobClient(StorageLayout.ResultBlob(record.Id));
        var options = new BlobUploadOptions
        {
            Conditions = CreateOnly.Conditions,
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        };
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(record, ModelJson.Options), options, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Overwrites are harmless: the same id renders the same maps (up to the overlay opacity, which only an operator changes).</summary>
    public async Task WriteHeatmapsAsync(string scanId, HeatmapImages heatmaps, CancellationToken cancellationToken)
    {
        await WritePngAsync(StorageLayout.HeatmapBlob(scanId, HeatmapKind.Overlay), heatmaps.OverlayPng, cancellationToken);
        await WritePngAsync(StorageLayout.HeatmapBlob(scanId, HeatmapKind.Map), heatmaps.MapPng, cancellationToken);
    }

    public async Task<Stream?> OpenHeatmapAsync(string scanId, HeatmapKind kind, CancellationToken cancellationToken)
    {
        try
        {
            var download = await Results.GetBlobClient(StorageLayout.HeatmapBlob(scanId, kind)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Records which scan an input blob name resolved to (re-pointed if the name's bytes change).
    /// The id is the pointer's content and also its metadata, so that a listing reads it.
    /// </summary>
    public Task PointNameAsync(string inputBlobName, string scanId, CancellationToken cancellationToken) =>
        Results.GetBlobClient(StorageLayout.NamePointerBlob(inputBlobName)).UploadAsync(
            BinaryData.FromString(scanId),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { [StorageLayout.ScanIdMetadata] = scanId } },
            cancellationToken);

    /// <summary>Every names/ pointer (an input blob a worker has read), in one listing.</summary>
    public async Task<IReadOnlyList<NamePointer>> PointersAsync(CancellationToken cancellationToken)
    {
        var pointers = new List<NamePointer>();
        var listing = new GetBlobsOptions { Prefix = StorageLayout.NamesPrefix, Traits = BlobTraits.Metadata };
        await foreach (var pointer in Results.GetBlobsAsync(listing, cancellationToken))
        {
            pointers.Add(new NamePointer(
                pointer.Name[StorageLayout.NamesPrefix.Length..],
                pointer.Metadata.TryGetValue(StorageLayout.ScanIdMetadata, out var scanId) ? scanId : null,
                pointer.Properties.LastModified ?? DateTimeOffset.MinValue));
        }

        return pointers;
    }

    public async Task<string?> ResolveNameAsync(string inputBlobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Results.GetBlobClient(StorageLayout.NamePointerBlob(inputBlobName)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Marks an id as accepted (GET answers 202 until its result exists). True when this call
    /// created the mark: the id was never claimed before (see <see cref="ScanClaims"/> for when
    /// that rules out a result).
    /// </summary>
    public async Task<bool> MarkPendingAsync(string scanId, CancellationToken cancellationToken)
    {
        try
        {
            await Results.GetBlobClient(StorageLayout.ClaimBlob(scanId)).UploadAsync(BinaryData.Empty, CreateOnly, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already marked (possibly leased by the worker scoring it).
            return false;
        }
    }

    public async Task<bool> IsPendingAsync(string scanId, CancellationToken cancellationToken) =>
        await Results.GetBlobClient(StorageLayout.ClaimBlob(scanId)).ExistsAsync(cancellationToken);

    private Task WritePngAsync(string blobName, byte[] png, CancellationToken cancellationToken) =>
        Results.GetBlobClient(blobName).UploadAsync(
            BinaryData.FromBytes(png),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/png" } },
            cancellationToken);
}
