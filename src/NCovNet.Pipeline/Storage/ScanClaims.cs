using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Specialized;

namespace NCovNet.Pipeline.Storage;

/// <summary>
/// One worker scores an id at a time: it holds a blob lease on scans/{id}/claim. The lease id
/// is derived from the input blob (name + ETag), so a redelivery of the same blob after a
/// crash re-acquires its own lease at once, while a different name with the same bytes sees
/// the id as taken and leaves it to the holder. A crashed holder's lease lapses after
/// <see cref="PipelineOptions.ClaimDuration"/>.
/// </summary>
public sealed class ScanClaims(PipelineStorage storage, ScanStore store)
{
    public async Task<ScanClaim?> TryAcquireAsync(string scanId, string inputBlobName, ETag inputETag, TimeSpan duration, CancellationToken cancellationToken)
    {
        await store.MarkPendingAsync(scanId, cancellationToken);
        var lease = storage.Results.GetBlobClient(StorageLayout.ClaimBlob(scanId)).GetBlobLeaseClient(LeaseIdFor(inputBlobName, inputETag));
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);
            return new ScanClaim(lease);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    private static string LeaseIdFor(string inputBlobName, ETag inputETag)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{inputBlobName}\n{inputETag}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}

/// <summary>A held claim; disposing releases it so the next worker need not wait for it to lapse.</summary>
public sealed class ScanClaim(BlobLeaseClient lease) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException)
        {
            // Lapsed or already released: either way nobody holds it for us any more.
        }
    }
}
