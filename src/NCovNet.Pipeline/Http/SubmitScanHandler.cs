using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Http;

/// <summary>
/// POST /api/scans: stores the image in the input container under uploads/{id}{ext} (so the
/// blob trigger scores it like any clinic upload) and answers 202 with the id and a Location;
/// with ?wait=true it scores the image now and answers 200 with the result.
/// </summary>
public sealed class SubmitScanHandler(PipelineStorage storage, ScanStore store, ScanProcessor processor, IOptions<PipelineOptions> options)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxImageBytes;
        var body = await BoundedBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(limit);
        }

        if (body.Length == 0)
        {
            return Problems.Empty();
        }

        if (ImageFormatSniffer.Extension(body) is not { } extension)
        {
            return Problems.UnsupportedMediaType();
        }

        var scanId = ScanId.Of(body);
        var blobName = StorageLayout.UploadBlob(scanId, extension);
        // Upload first: an id marked pending whose upload then failed would answer 202 for ever.
        await UploadOnceAsync(blobName, body, cancellationToken);
        await store.MarkPendingAsync(scanId, cancellationToken);

        if (!IsTrue(request.Query["wait"]))
        {
            return PendingScan.Of(scanId).Accepted();
        }

        // The processor returns once this id's result exists, whoever scored it.
        await processor.ProcessAsync(blobName, cancellationToken);
        var json = await store.GetRecordJsonAsync(scanId, cancellationToken);
        return json is null
            ? PendingScan.Of(scanId).Accepted()
            : Results.Text(json, "application/json", statusCode: StatusCodes.Status200OK);
    }

    private async Task UploadOnceAsync(string blobName, byte[] body, CancellationToken cancellationToken)
    {
        var upload = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        try
        {
            await storage.Input.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(body), upload, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same bytes were uploaded before: the input container is never overwritten.
        }
    }

    private static bool IsTrue(string? value) => bool.TryParse(value, out var flag) && flag;
}
